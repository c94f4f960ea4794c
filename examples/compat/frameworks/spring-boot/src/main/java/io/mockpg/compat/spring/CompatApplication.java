package io.mockpg.compat.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A small library application that uses every persistence framework of the JVM suite over one
 * DataSource: JPA repositories for authors and books, Spring Data JDBC for notes, MyBatis for
 * tags, JdbcTemplate and jOOQ for reports. Two Spring Data modules are on the classpath, so
 * each is told its package.
 */
@SpringBootApplication
@EnableJpaRepositories(basePackages = "io.mockpg.compat.spring.jpa")
@EnableJdbcRepositories(basePackages = "io.mockpg.compat.spring.jdbc")
public class CompatApplication {
    public static void main(String[] args) {
        SpringApplication.run(CompatApplication.class, args);
    }
}
