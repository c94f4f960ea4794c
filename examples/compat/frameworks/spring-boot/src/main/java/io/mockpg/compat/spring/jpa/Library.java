package io.mockpg.compat.spring.jpa;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's one transactional service: signing an author who turns out to be a duplicate. */
@Service
public class Library {
    private final AuthorRepository authors;

    public Library(AuthorRepository authors) {
        this.authors = authors;
    }

    /** Saves the author, then refuses: the transaction rolls back and the author is not kept. */
    @Transactional
    public void signThenRefuse(String name, LocalDate born) {
        authors.saveAndFlush(new Author(name, born));
        throw new IllegalStateException("contract refused for " + name);
    }
}
