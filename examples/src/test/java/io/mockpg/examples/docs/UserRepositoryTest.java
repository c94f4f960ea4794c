package io.mockpg.examples.docs;

// doc:start test
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import io.mockpg.junit5.MockPgScript;
// doc:end test
import io.mockpg.examples.docs.UserRepository.TableBusyException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

// doc:start test
import static io.mockpg.MockPgDsl.*;
// doc:end test
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// doc:start test

@MockPg(scripts = "classpath:shop.yaml")          // one server for the class, random port
class UserRepositoryTest {

    @Test
    void findsAUser(DataSource dataSource) throws SQLException {
        UserRepository users = new UserRepository(dataSource);

        assertEquals("Alice", users.findName(42));
    }

    @Test
    void sendsTheNameAsParameter(MockPgServer server, DataSource dataSource) throws SQLException {
        new UserRepository(dataSource).add("Bob");

        server.verify(1, statement("INSERT INTO users (name) VALUES ($1)").withParams("Bob"));
    }

    @Test
    @MockPgScript("classpath:users-locked.yaml")    // ahead of the class scripts, this test only
    void reportsALockedTable(DataSource dataSource) {
        assertThrows(TableBusyException.class, () -> new UserRepository(dataSource).add("Bob"));
    }

    @Test
    void findsAUserStubbedInJava(MockPgServer server, DataSource dataSource) throws SQLException {
        server.stub(statement("SELECT id, name FROM users WHERE id = $1").withParams(7)   // undone after the test
                .willReturn(rows(column("id", "int4"), column("name", "text")).row(7, "Carol")));

        assertEquals("Carol", new UserRepository(dataSource).findName(7));
    }
}
// doc:end test
