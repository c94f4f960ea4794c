package io.mockpg.junit5;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Everything that names pgjdbc classes; loaded only once pgjdbc is known to be present. */
final class PgJdbc {
    private PgJdbc() {
    }

    static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /** The process id the server gave the connection: a journal entry's session id. */
    static long backendPid(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }
}
