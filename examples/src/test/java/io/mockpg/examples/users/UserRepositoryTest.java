package io.mockpg.examples.users;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import io.mockpg.junit5.MockPgScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** UserRepository over a HikariCP pool, answered by users.yaml. */
@MockPg(scripts = "classpath:users.yaml")
class UserRepositoryTest {
    static HikariDataSource pool;
    UserRepository users;

    @BeforeAll
    static void openPool(MockPgServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("app");
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void createRepository() {
        users = new UserRepository(pool);
    }

    @Test
    void readsEveryColumnWithItsJavaType() throws SQLException {
        User alice = users.findById(42).orElseThrow();

        assertEquals(new User(42, "Alice", "alice@example.com", new BigDecimal("1234.50"),
                OffsetDateTime.of(2024, 5, 1, 10, 15, 0, 0, ZoneOffset.UTC), true,
                UUID.fromString("7f1d6c1e-2a47-4c36-9a53-0d4f6c2b1e90")), alice);
    }

    @Test
    void unknownIdFindsNobody() throws SQLException {
        assertEquals(Optional.empty(), users.findById(7));
    }

    @Test
    void addingAUserInsertsOneRow() throws Exception {
        assertEquals(1, users.add("Bob", "bob@example.com"));
    }

    @Test
    void deactivationReportsHowManyUsersChanged() throws SQLException {
        assertEquals(3, users.deactivateUnseenSince(OffsetDateTime.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    @MockPgScript("classpath:users-email-taken.yaml")
    void takenEmailBecomesDuplicateEmailException() {
        DuplicateEmailException error = assertThrows(DuplicateEmailException.class,
                () -> users.add("Alice Again", "alice@example.com"));

        assertEquals("alice@example.com", error.email());
    }

    @Test
    @MockPgScript("classpath:users-email-taken.yaml")
    void otherEmailsAreStillAccepted() throws Exception {
        assertEquals(1, users.add("Carol", "carol@example.com"));
    }

    @Test
    void sendsTheInsertWithNameAndEmailAsParameters(MockPgServer server) throws Exception {
        users.add("Bob", "bob@example.com");

        server.verify(1, "INSERT INTO users (name, email) VALUES ($1, $2)");
        List<List<String>> params = server.journal().stream()
                .filter(entry -> "add-user".equals(entry.ruleId()))
                .map(JournalEntry::params)
                .toList();
        assertEquals(List.of(List.of("Bob", "bob@example.com")), params);
    }
}
