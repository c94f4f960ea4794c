package io.mockpg.examples.docs;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's example without JUnit's extension, run as a test. */
class WithoutJUnitTest {
    @Test
    void serverInTryWithResources() throws SQLException {
        // doc:start without-junit
        try (MockPgServer server = MockPgServer.builder().script("classpath:shop.yaml").start()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server.jdbcUrl());            // jdbc:postgresql://127.0.0.1:PORT/mockpg
            dataSource.setUser("app");                      // any user: the script's auth is trust
            UserRepository users = new UserRepository(dataSource);

            users.add("Bob");

            server.verify(1, statement("INSERT INTO users (name) VALUES ($1)").withParams("Bob"));
            server.verifyNoUnmatched();
        }
        // doc:end without-junit
    }

    @Test
    void stubsVerifiesAndFindsInJava() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server.jdbcUrl());
            DataSource ds = dataSource;
            // doc:start stub-verify
            server.stub(statement("SELECT id, name FROM users WHERE id = $1").withParams(42)
                    .willReturn(rows(column("id", "int4"), column("name", "text")).row(42, "Alice")));
            server.stub(statement("INSERT INTO users (name) VALUES ($1)").withParams("taken")
                    .willReturn(error("23505", "duplicate key value violates unique constraint \"users_name_key\"")
                            .detail("Key (name)=(taken) already exists.").constraint("users_name_key")));
            server.stub(statement("INSERT INTO users (name) VALUES ($1)").withParams("Bob")
                    .willReturn(error("40001", "could not serialize access"))      // first call
                    .thenReturn(affected(1)));                                       // every later one

            UserRepository users = new UserRepository(ds);
            assertEquals("Alice", users.findName(42));
            assertEquals("23505", assertThrows(SQLException.class, () -> users.add("taken")).getSQLState());
            assertEquals("40001", assertThrows(SQLException.class, () -> users.add("Bob")).getSQLState());
            users.add("Bob");

            server.verify(2, statement("INSERT INTO users (name) VALUES ($1)").withParams("Bob"));
            server.verify(0, statement("DELETE FROM users"));
            List<JournalEntry> inserts = server.find(statement("INSERT INTO users (name) VALUES ($1)"));
            assertEquals(List.of("taken"), inserts.get(0).params());
            // doc:end stub-verify
        }
    }

    private static <T extends Throwable> T assertThrows(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(type, call);
    }
}
