package io.mockpg.compat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.mockpg.compat.spring.jdbc.Note;
import io.mockpg.compat.spring.jdbc.NoteRepository;
import io.mockpg.compat.spring.jpa.Author;
import io.mockpg.compat.spring.jpa.AuthorRepository;
import io.mockpg.compat.spring.jpa.Book;
import io.mockpg.compat.spring.jpa.BookRepository;
import io.mockpg.compat.spring.jpa.Library;
import io.mockpg.compat.spring.mybatis.Tag;
import io.mockpg.compat.spring.mybatis.TagMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the library application does with each framework, asserted as the framework decodes
 * it. The same methods run against mockpg (OnMockPgTest) and the real PostgreSQL
 * (OnPostgresTest); on PostgreSQL the rows accumulate, so the methods run in a fixed order and
 * each one's expectations include what the earlier ones wrote (ids from sequences and
 * identities depend on it too).
 */
@SpringBootTest(classes = io.mockpg.compat.spring.CompatApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(CheckRecorder.class)
abstract class FrameworkChecks {
    @Autowired AuthorRepository authors;
    @Autowired BookRepository books;
    @Autowired Library library;
    @Autowired JdbcTemplate jdbc;
    @Autowired NoteRepository notes;
    @Autowired DSLContext dsl;
    @Autowired TagMapper tags;

    @Test
    @Order(1)
    @Check(framework = "spring-data-jpa", value = "derived_query_paging")
    void derivedQueryWithPaging() {
        Page<Book> page = books.findByPriceGreaterThan(new BigDecimal("5.00"),
                PageRequest.of(0, 2, Sort.by("price").descending()));

        assertThat(page.getContent()).extracting(Book::getTitle).containsExactly("Ulysses", "Dune");
        assertThat(page.getContent()).extracting(Book::getPrice)
                .containsExactly(new BigDecimal("12.00"), new BigDecimal("9.99"));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getTotalPages()).isEqualTo(2);
    }

    @Test
    @Order(2)
    @Check(framework = "spring-data-jpa", value = "sequence_id")
    void sequenceIdFromThePooledOptimizer() {
        Author saved = authors.save(new Author("Ada Lovelace", LocalDate.of(1815, 12, 10)));

        Author found = authors.findByName("Ada Lovelace").orElseThrow();
        assertThat(found.getId()).isEqualTo(saved.getId()).isEqualTo(1L);
        assertThat(found.getBorn()).isEqualTo(LocalDate.of(1815, 12, 10));
    }

    @Test
    @Order(3)
    @Check(framework = "spring-data-jpa", value = "identity_id")
    void identityIdReturnedByTheInsert() {
        Book saved = books.save(new Book("Middlemarch", new BigDecimal("11.50")));

        assertThat(saved.getId()).isEqualTo(5L);
        Book found = books.findById(5L).orElseThrow();
        assertThat(found.getTitle()).isEqualTo("Middlemarch");
        assertThat(found.getPrice()).isEqualByComparingTo("11.50");
    }

    @Test
    @Order(4)
    @Check(framework = "spring-data-jpa", value = "transactional_rollback")
    void transactionalMethodRollsBack() {
        assertThatThrownBy(() -> library.signThenRefuse("Bram Stoker", LocalDate.of(1847, 11, 8)))
                .isInstanceOf(IllegalStateException.class).hasMessage("contract refused for Bram Stoker");

        assertThat(authors.countByName("Bram Stoker")).isZero();
    }

    @Test
    @Order(5)
    @Check(framework = "spring-data-jpa", value = "unique_violation")
    void uniqueViolationIsADataIntegrityViolation() {
        assertThatThrownBy(() -> authors.saveAndFlush(new Author("Ada Lovelace", LocalDate.of(1815, 12, 10))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("author_name_key");
    }

    @Test
    @Order(6)
    @Check(framework = "jdbc-template", value = "typed_query")
    void jdbcTemplateDecodesTypes() {
        List<Map<String, Object>> cheap = jdbc.queryForList(
                "SELECT title, price FROM book WHERE price < ? ORDER BY price", new BigDecimal("8"));

        assertThat(cheap).extracting(row -> row.get("title")).containsExactly("Emma", "Walden");
        assertThat(cheap).extracting(row -> row.get("price"))
                .containsExactly(new BigDecimal("4.50"), new BigDecimal("7.25"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM book", Long.class)).isEqualTo(5L);
    }

    @Test
    @Order(7)
    @Check(framework = "jdbc-template", value = "unique_violation")
    void jdbcTemplateUniqueViolationIsADuplicateKey() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO tag (name) VALUES (?)", "fiction"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("tag_name_key");
    }

    @Test
    @Order(8)
    @Check(framework = "spring-data-jdbc", value = "save_and_derived_query")
    void springDataJdbcSavesAndQueries() {
        Note saved = notes.save(new Note(null, "re-read in winter", 4));

        assertThat(saved.id()).isEqualTo(3L);
        assertThat(notes.findByStarsGreaterThanEqual(4))
                .extracting(Note::body).containsExactlyInAnyOrder("a classic", "re-read in winter");
        assertThat(notes.findById(3L)).contains(new Note(3L, "re-read in winter", 4));
    }

    @Test
    @Order(9)
    @Check(framework = "jooq", value = "select_insert_returning")
    void jooqSelectsAndInsertsReturning() {
        var expensive = dsl.select(field("title"), field("price", BigDecimal.class)).from(table("book"))
                .where(field("price", BigDecimal.class).gt(new BigDecimal("10"))).orderBy(field("title")).fetch();

        assertThat(expensive.getValues(field("title"), String.class)).containsExactly("Middlemarch", "Ulysses");
        assertThat(expensive.getValues(field("price", BigDecimal.class)))
                .containsExactly(new BigDecimal("11.50"), new BigDecimal("12.00"));
        Record inserted = dsl.insertInto(table("tag"), field("name")).values("poetry")
                .returning(field("id", Long.class)).fetchOne();
        assertThat(inserted.get(field("id", Long.class))).isEqualTo(3L);
    }

    @Test
    @Order(10)
    @Check(framework = "jooq", value = "unique_violation")
    void jooqUniqueViolationIsADataIntegrityViolation() {
        assertThatThrownBy(() -> dsl.insertInto(table("tag"), field("name")).values("poetry").execute())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("tag_name_key");
    }

    @Test
    @Order(11)
    @Check(framework = "mybatis", value = "insert_generated_key_select")
    void myBatisInsertsWithGeneratedKeyAndSelects() {
        Tag history = new Tag("history");
        assertThat(tags.insert(history)).isEqualTo(1);
        assertThat(history.getId()).isEqualTo(5L);

        Tag found = tags.findByName("history");
        assertThat(found.getId()).isEqualTo(5L);
        assertThat(found.getName()).isEqualTo("history");
    }
}
