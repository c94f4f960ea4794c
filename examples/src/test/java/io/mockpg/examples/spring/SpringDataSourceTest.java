package io.mockpg.examples.spring;

import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import javax.sql.DataSource;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Spring application context whose DataSource reads its URL from configuration, pointed at
 * mockpg with {@code @DynamicPropertySource}, and rules stubbed in Java. Plain Spring (its
 * TestContext and JdbcTemplate): Spring Boot's dependency management is left out of this module.
 */
// doc:start spring
@MockPg(scripts = "classpath:shop.yaml")              // starts before Spring reads the properties
@SpringJUnitConfig(SpringDataSourceTest.ShopConfig.class)
class SpringDataSourceTest {

    @DynamicPropertySource
    static void pointTheDataSourceAtMockpg(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("mockpg.jdbc-url"));
        registry.add("spring.datasource.username", () -> "app");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsThroughTheContextsDataSource(MockPgServer server) {
        server.stub(statement("SELECT count(*) FROM users WHERE name = $1").withParams("Alice")
                .willReturn(rows(column("count", "int8")).row(1L)));

        assertEquals(1L, jdbc.queryForObject("SELECT count(*) FROM users WHERE name = ?", Long.class, "Alice"));
        server.verify(1, statement("SELECT count(*) FROM users WHERE name = $1").withParams("Alice"));
    }

    @Configuration
    static class ShopConfig {                         // what the application configures
        @Bean
        DataSource dataSource(Environment environment) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(environment.getRequiredProperty("spring.datasource.url"));
            dataSource.setUser(environment.getRequiredProperty("spring.datasource.username"));
            return dataSource;
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }
}
// doc:end spring
