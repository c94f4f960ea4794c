package io.mockpg.examples.compat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/** pgjdbc in one of its protocol modes: the JDBC conversation, then a batch. */
final class PgjdbcClient implements CompatClient {
    /** A protocol mode: the client's name and the connection property that selects it. */
    enum Mode {
        DEFAULT("pgjdbc-default", null, null),            // extended protocol; named statement and binary results from run 6
        SIMPLE("pgjdbc-simple", "preferQueryMode", "simple"), // the simple query protocol, parameters inlined
        BINARY("pgjdbc-binary", "prepareThreshold", "-1");  // named statements and binary results from the first run

        final String client;
        private final String property;
        private final String value;

        Mode(String client, String property, String value) {
            this.client = client;
            this.property = property;
            this.value = value;
        }
    }

    private final Mode mode;

    PgjdbcClient(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void converse(Endpoint endpoint, CheckReport report) {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        if (mode.property != null) {
            props.setProperty(mode.property, mode.value);
        }
        Connection[] conn = new Connection[1];
        if (report.check("login", () -> {
            conn[0] = DriverManager.getConnection(endpoint.jdbcUrl(), props);
            String version = conn[0].getMetaData().getDatabaseProductVersion();
            report.require(version.equals("16.4"), "server " + version);
            return "pgjdbc " + conn[0].getMetaData().getDriverVersion() + ", server " + version;
        })) {
            try (Connection c = conn[0]) {
                new JdbcConversation(c, report, mode.client).run();
                report.check("batch", () -> batch(c, report));
            } catch (SQLException e) {
                report.check("close", () -> {
                    throw e;
                });
            }
        }
    }

    /** Repeated Bind/Execute before one Sync: one update count per row. */
    private static String batch(Connection conn, CheckReport report) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(CompatScript.jdbc(CompatScript.INSERT))) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 1);
                ps.setString(2, "widget");
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            report.require(Arrays.equals(counts, new int[] {1, 1, 1}), "update counts " + Arrays.toString(counts));
            return "update counts " + Arrays.toString(counts);
        }
    }
}
