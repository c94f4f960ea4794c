package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import io.mockpg.internal.server.tls.SelfSignedCertificates;
import io.mockpg.internal.server.tls.ServerCredentials;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code server.tls}: psql and pgjdbc with sslmode=require (and verify-full against the files given). */
class TlsStandaloneTest {
    private static final String RULES = """
            rules:
              - id: ping
                match: {sql: SELECT 'pong'}
                respond:
                  columns: [{answer: text}]
                  rows: [[pong]]
              - id: slow
                match: {sql: SELECT slow()}
                respond:
                  delay: 30s
                  columns: [{v: int4}]
                  rows: [[1]]
            """;

    @TempDir
    Path directory;

    private static Connection connect(MockPgServer server, String sslmode, String rootCert) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "x");
        properties.setProperty("sslmode", sslmode);
        if (rootCert != null) {
            properties.setProperty("sslrootcert", rootCert);
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String pong(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 'pong'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void selfSignedServesPsqlAndPgjdbcWithSslmodeRequire() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml("server:\n  tls: self-signed\n" + RULES).start()) {
            try (Connection c = connect(server, "require", null)) {
                assertEquals("pong", pong(c));
            }
            Psql.Result conninfo = Psql.run(server.port(), "sslmode=require", "\\conninfo");
            assertEquals(0, conninfo.exit(), conninfo.stderr());
            assertTrue(conninfo.stdout().contains("SSL connection (protocol: TLSv1."), conninfo.stdout());
            Psql.Result query = Psql.run(server.port(), "sslmode=require", "SELECT 'pong'");
            assertTrue(query.stdout().contains("pong"), query.stdout());
            assertEquals(2, server.journal().stream().filter(e -> e.sql().equals("SELECT 'pong'")).count());
        }
    }

    @Test
    void certificateAndKeyFilesArePresentedAndVerifiable() throws Exception {
        ServerCredentials credentials = SelfSignedCertificates.generate();
        Path cert = directory.resolve("server.crt");
        Path key = directory.resolve("server.key");
        writePem(cert, credentials.certificate());
        writePem(key, credentials.key());
        String yaml = "server:\n  tls: {cert: \"" + cert + "\", key: \"" + key + "\"}\n" + RULES;
        try (MockPgServer server = MockPgServer.builder().scriptYaml(yaml).start()) {
            // verify-full proves the server presents exactly the certificate of the files
            try (Connection c = connect(server, "verify-full", cert.toString())) {
                assertEquals("pong", pong(c));
            }
            Psql.Result psql = Psql.run(server.port(), "sslmode=verify-full sslrootcert=" + cert, "\\conninfo");
            assertEquals(0, psql.exit(), psql.stderr());
            assertTrue(psql.stdout().contains("SSL connection"), psql.stdout());
            // and a certificate that is not the server's is refused
            Path other = directory.resolve("other.crt");
            writePem(other, SelfSignedCertificates.generate().certificate());
            assertThrows(SQLException.class, () -> connect(server, "verify-full", other.toString()).close());
        }
    }

    @Test
    void cancelWorksOverTlsSessions() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml("server:\n  tls: self-signed\n" + RULES).start();
             Connection c = connect(server, "require", null);
             Statement s = c.createStatement()) {
            // pgjdbc's cancel request travels on a plain socket of its own
            s.setQueryTimeout(1);
            long started = System.nanoTime();
            SQLException canceled = assertThrows(SQLException.class, () -> s.executeQuery("SELECT slow()"));
            assertEquals("57014", canceled.getSQLState());
            assertTrue(System.nanoTime() - started < 20_000_000_000L);
            assertEquals("pong", pong(c));
        }
    }

    @Test
    void withoutTlsRequireIsRefusedAsByAServerWithoutSsl() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(RULES).start()) {
            Psql.Result psql = Psql.run(server.port(), "sslmode=require", "SELECT 'pong'");
            assertEquals(2, psql.exit());
            assertTrue(psql.stderr().contains("server does not support SSL, but SSL was required"), psql.stderr());
            SQLException refused = assertThrows(SQLException.class, () -> connect(server, "require", null).close());
            assertTrue(refused.getMessage().contains("The server does not support SSL"), refused.getMessage());
            // prefer falls back to a plain connection
            Psql.Result prefer = Psql.run(server.port(), "sslmode=prefer", "\\conninfo");
            assertEquals(0, prefer.exit(), prefer.stderr());
            assertTrue(!prefer.stdout().contains("SSL connection"), prefer.stdout());
            try (Connection c = connect(server, "prefer", null)) {
                assertEquals("pong", pong(c));
            }
        }
    }

    private static void writePem(Path file, Object object) throws Exception {
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
    }
}
