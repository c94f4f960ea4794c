package io.mockpg.examples.docs;

import io.mockpg.junit5.MockPgExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgrammaticExtensionTest {
    // doc:start field
    @RegisterExtension
    static MockPgExtension pg = MockPgExtension.builder()
            .script("classpath:shop.yaml")              // also script(Path), scriptYaml(String)
            .stub(statement("SELECT count(*) FROM users")       // rules in Java, for every test of the class
                    .willReturn(rows(column("count", "int8")).row(2L)))
            .failOnUnmatched(true)
            .build();
    // pg.server() is the MockPgServer, pg.jdbcUrl() its JDBC URL
    // doc:end field

    @Test
    void theFieldsServerAnswersFromScriptAndStub() throws SQLException {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(pg.jdbcUrl());
        dataSource.setUser("app");
        assertEquals("Alice", new UserRepository(dataSource).findName(42));
        assertTrue(pg.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:"));
        pg.server().verify(1, statement("SELECT id, name FROM users WHERE id = $1").withParams(42));
    }
}
