package io.mockpg.examples.payments;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.MockPgServer;

/** A small HikariCP pool in front of a mockpg server, as an application would have one. */
final class Pools {
    private Pools() {
    }

    static HikariDataSource hikari(MockPgServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("app");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }
}
