package io.mockpg.compat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The framework checks against mockpg, scripted with the application's own statements only:
 * whatever Hibernate, Spring Data, jOOQ, MyBatis and HikariCP send by themselves is answered by
 * the built-ins. One server for the whole class, never reset, as one PostgreSQL database is for
 * OnPostgresTest: the sequence hands out 1, then 51, across the tests.
 */
@CompatTarget("mockpg")
class OnMockPgTest extends FrameworkChecks {
    private static MockPgServer server;

    @DynamicPropertySource
    static void mockpg(DynamicPropertyRegistry registry) {
        server = MockPgServer.builder().script("classpath:frameworks.yaml").start();
        registry.add("spring.datasource.url", server::jdbcUrl);
        registry.add("spring.datasource.username", () -> "app");
    }

    @Test
    @Order(100)
    @Check(framework = "spring-boot", value = "no_chatter_scripted")
    void everyStatementTheFrameworksSentWasAnswered() {
        assertThat(server.unmatched()).extracting(JournalEntry::sql).isEmpty();
    }

    @AfterAll
    static void stop() {
        server.close();
    }
}
