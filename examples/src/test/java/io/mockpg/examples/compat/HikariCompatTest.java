package io.mockpg.examples.compat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static io.mockpg.examples.compat.CheckReport.require;

/**
 * pgjdbc through HikariCP: the pool's start (isValid as an empty query, SHOW TRANSACTION
 * ISOLATION LEVEL), validation on a borrow after idling, then the conversation on a pooled
 * connection.
 */
class HikariCompatTest {
    @Test
    void conversation() throws Exception {
        CheckReport report = new CheckReport("hikari");
        try (MockPgServer server = CompatScript.start()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + CompatScript.DATABASE);
            config.setUsername(CompatScript.USER);
            config.setPassword(CompatScript.PASSWORD);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(1);
            HikariDataSource[] pool = new HikariDataSource[1];
            if (report.check("login", () -> {
                pool[0] = new HikariDataSource(config);
                try (Connection first = pool[0].getConnection()) {
                    require(first.isValid(1), "not valid");
                }
                // idle past Hikari's alive-bypass window (500 ms): the next borrow validates
                Thread.sleep(700);
                try (Connection again = pool[0].getConnection()) {
                    require(again.isValid(1), "not valid after idling");
                }
                require(server.unmatched().isEmpty(), "pool chatter unmatched: " + server.unmatched());
                return "HikariCP pool started and validated, " + server.journal().size() + " statements of pool chatter";
            })) {
                try (HikariDataSource dataSource = pool[0]; Connection conn = dataSource.getConnection()) {
                    new JdbcConversation(conn, report, "hikari").run();
                }
            }
        }
        report.finish();
    }
}
