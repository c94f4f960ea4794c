package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Properties;

import static io.mockpg.examples.compat.CheckReport.require;

/** pgjdbc against the suite's script in its three protocol modes, plus a batch. */
class PgjdbcCompatTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = CompatScript.start();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pgjdbc-default,,",                      // extended protocol; named statement and binary results from run 6
        "pgjdbc-simple,preferQueryMode,simple",  // everything through the simple query protocol, parameters inlined
        "pgjdbc-binary,prepareThreshold,-1",     // named statements and binary results from the first run
    })
    void conversation(String client, String property, String value) {
        CheckReport report = new CheckReport(client);
        Properties props = new Properties();
        props.setProperty("user", CompatScript.USER);
        props.setProperty("password", CompatScript.PASSWORD);
        if (property != null) {
            props.setProperty(property, value);
        }
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + CompatScript.DATABASE;
        Connection[] conn = new Connection[1];
        if (report.check("login", () -> {
            conn[0] = DriverManager.getConnection(url, props);
            String version = conn[0].getMetaData().getDatabaseProductVersion();
            require(version.equals("16.4"), "server " + version);
            return "pgjdbc " + conn[0].getMetaData().getDriverVersion() + ", server " + version;
        })) {
            try (Connection c = conn[0]) {
                new JdbcConversation(c, report, client).run();
                report.check("batch", () -> batch(c));
            } catch (java.sql.SQLException e) {
                report.check("close", () -> {
                    throw e;
                });
            }
        }
        report.finish();
    }

    /** Repeated Bind/Execute before one Sync: one update count per row. */
    private static String batch(Connection conn) throws Exception {
        try (PreparedStatement ps = conn.prepareStatement(CompatScript.jdbc(CompatScript.INSERT))) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 1);
                ps.setString(2, "widget");
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            require(Arrays.equals(counts, new int[] {1, 1, 1}), "update counts " + Arrays.toString(counts));
            return "update counts " + Arrays.toString(counts);
        }
    }
}
