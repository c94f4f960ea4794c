package io.mockpg.examples.docs;

import io.mockpg.examples.docs.UserRepository.TableBusyException;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// doc:start nested
@MockPg(scripts = "classpath:shop.yaml")
class ShopTest {
    @Nested
    class Users {                                   // same server as ShopTest
        @Test
        void findsAUser(DataSource dataSource) throws SQLException {
            assertEquals("Alice", new UserRepository(dataSource).findName(42));
        }
    }

    @Nested
    @MockPg(scripts = "classpath:users-locked.yaml")
    class LockedUsers {                             // a server of its own, with only its own scripts
        @Test
        void reportsALockedTable(DataSource dataSource) {
            assertThrows(TableBusyException.class, () -> new UserRepository(dataSource).add("Bob"));
        }
    }
}
// doc:end nested
