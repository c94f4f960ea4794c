package io.mockpg.junit5;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;

/** A DataSource that remembers the server session of every connection it hands out. */
final class SessionRecordingDataSource implements DataSource {
    private final DataSource delegate;
    private final Set<Long> sessions;

    SessionRecordingDataSource(DataSource delegate, Set<Long> sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return recorded(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return recorded(delegate.getConnection(username, password));
    }

    private Connection recorded(Connection connection) throws SQLException {
        sessions.add(PgJdbc.backendPid(connection));
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "mockpg DataSource over " + delegate;
    }
}
