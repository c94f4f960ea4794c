package io.mockpg.examples.compat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;

/**
 * pgjdbc through HikariCP: the pool's start (isValid as an empty query, SHOW TRANSACTION
 * ISOLATION LEVEL), validation on a borrow after idling, then the JDBC conversation on a pooled
 * connection.
 */
final class HikariClient implements CompatClient {
    private final CheckReport.Check poolChatter;

    /** {@code poolChatter}: what the server saw of the pool's start, added to the login's detail. */
    HikariClient(CheckReport.Check poolChatter) {
        this.poolChatter = poolChatter;
    }

    @Override
    public void converse(Endpoint endpoint, CheckReport report) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        HikariDataSource[] pool = new HikariDataSource[1];
        if (report.check("login", () -> {
            pool[0] = new HikariDataSource(config);
            try (Connection first = pool[0].getConnection()) {
                report.require(first.isValid(1), "not valid");
            }
            // idle past Hikari's alive-bypass window (500 ms): the next borrow validates
            Thread.sleep(700);
            try (Connection again = pool[0].getConnection()) {
                report.require(again.isValid(1), "not valid after idling");
            }
            return "HikariCP pool started and validated" + poolChatter.run();
        })) {
            try (HikariDataSource dataSource = pool[0]; Connection conn = dataSource.getConnection()) {
                new JdbcConversation(conn, report, "hikari").run();
            } catch (java.sql.SQLException e) {
                report.check("close", () -> {
                    throw e;
                });
            }
        } else if (pool[0] != null) {
            pool[0].close();
        }
    }
}
