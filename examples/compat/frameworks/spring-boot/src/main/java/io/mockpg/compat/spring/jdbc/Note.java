package io.mockpg.compat.spring.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A reader's note, kept with Spring Data JDBC (identity id). */
@Table("note")
public record Note(@Id Long id, String body, int stars) {
}
