package io.mockpg.junit5;

import org.junit.jupiter.api.extension.ParameterResolutionException;

import javax.sql.DataSource;
import java.util.Set;

/**
 * The injected {@link DataSource} and {@link java.sql.Connection}. pgjdbc is an optional
 * dependency of this module, so its classes are touched only after checking it is present.
 */
final class JdbcResources {
    static final String PGJDBC_DATA_SOURCE = "org.postgresql.ds.PGSimpleDataSource";

    private JdbcResources() {
    }

    /**
     * A pgjdbc DataSource for the server that adds the backend process id of every connection it
     * opens to {@code sessions}, so statements can be attributed to the test that sent them.
     */
    static DataSource dataSource(RunningServer running, Set<Long> sessions) {
        requireClass(PGJDBC_DATA_SOURCE);
        RunningServer.Credentials credentials = running.credentials();
        DataSource pgjdbc = PgJdbc.dataSource(running.jdbcUrl(), credentials.user(), credentials.password());
        return new SessionRecordingDataSource(pgjdbc, sessions);
    }

    /** Fails parameter resolution with the Maven coordinates to add when a class is missing. */
    static void requireClass(String className) {
        try {
            Class.forName(className, false, JdbcResources.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ParameterResolutionException("mockpg: injecting a DataSource or Connection needs the "
                    + "PostgreSQL JDBC driver (" + className + " not found): add the dependency "
                    + "org.postgresql:postgresql to the test classpath", e);
        }
    }
}
