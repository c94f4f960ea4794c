package io.mockpg.compat.spring.jdbc;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

public interface NoteRepository extends CrudRepository<Note, Long> {
    List<Note> findByStarsGreaterThanEqual(int stars);
}
