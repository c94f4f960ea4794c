package io.mockpg.internal.upstream;

import io.mockpg.testing.RealPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upstream client against the real PostgreSQL: every authentication method, TLS, exchanges, failures. */
class UpstreamSessionTest {
    private static UpstreamConnector connector;

    @BeforeAll
    static void start() {
        connector = UpstreamConnector.create();
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    private static UpstreamSession connect(String user, String password, String sslMode) throws Exception {
        UpstreamUrl url = UpstreamUrl.parse(RealPostgres.url(user, password) + "?sslmode=" + sslMode, Map.of());
        return connector.connect(url).get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyAuthenticationMethodConnects() throws Exception {
        for (String[] role : List.of(new String[] {"app", "app-secret"}, new String[] {"app_md5", "md5-secret"},
                new String[] {"app_password", "pw-secret"}, new String[] {"app_trust", null})) {
            try (UpstreamSession session = connect(role[0], role[1], "disable")) {
                assertEquals(role[0], selectOne(session, "SELECT current_user"), role[0]);
            }
        }
    }

    @Test
    void theStartupFactsAreKept() throws Exception {
        try (UpstreamSession session = connect("app", "app-secret", "disable")) {
            assertTrue(session.serverVersion().startsWith("15."), session.serverVersion());
            assertEquals("UTF8", session.parameters().get("server_encoding"));
            assertEquals("ISO, MDY", session.parameters().get("DateStyle"));
            assertNotNull(session.backendKey());
            assertEquals(4, session.backendKey().secretKey().length);
            assertEquals('I', session.transactionStatus());
            byte[] last = session.startupFrames().get(session.startupFrames().size() - 1);
            assertArrayEquals(new byte[] {'Z', 0, 0, 0, 5, 'I'}, last);
            assertEquals(session.parameters().size() + 2, session.startupFrames().size(),
                    "ParameterStatus each, BackendKeyData, ReadyForQuery");
        }
    }

    @Test
    void sslmodeRequireEncrypts() throws Exception {
        try (UpstreamSession session = connect("app", "app-secret", "require")) {
            assertEquals("t", selectOne(session, "SELECT ssl::text::bool::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .substring(0, 1));
            assertNotNull(session.channel().pipeline().get("tls"));
        }
        try (UpstreamSession session = connect("app_md5", "md5-secret", "prefer")) {
            assertNotNull(session.channel().pipeline().get("tls"));
            assertEquals("app_md5", selectOne(session, "SELECT current_user"));
        }
    }

    @Test
    void aPipelinedBatchIsAnsweredUpToItsLastReadyForQuery() throws Exception {
        try (UpstreamSession session = connect("app", "app-secret", "disable")) {
            List<BackendMessage> answers = session.exchange(out -> {
                FrontendMessages.query(out, "BEGIN");
                FrontendMessages.parse(out, "", "SELECT $1::int4 + 1 AS next, relname FROM pg_class WHERE false");
                FrontendMessages.describe(out, 'S', "");
                FrontendMessages.sync(out);
                FrontendMessages.query(out, "ROLLBACK");
            }).get(30, TimeUnit.SECONDS);
            assertEquals(List.of("C", "Z", "1", "t", "T", "Z", "C", "Z"), answers.stream().map(UpstreamSessionTest::type).toList());
            BackendMessage.ParameterDescription parameters = (BackendMessage.ParameterDescription) answers.get(3);
            assertArrayEquals(new int[] {23}, parameters.typeOids());
            BackendMessage.RowDescription row = (BackendMessage.RowDescription) answers.get(4);
            assertEquals(List.of("next", "relname"), row.fields().stream().map(BackendMessage.Field::name).toList());
            assertEquals(List.of(23, 19), row.fields().stream().map(BackendMessage.Field::typeOid).toList());
            assertEquals(new BackendMessage.ReadyForQuery('T'), answers.get(5));
            assertEquals('I', session.transactionStatus());
        }
    }

    @Test
    void errorsAndTheirFieldsAreDecoded() throws Exception {
        try (UpstreamSession session = connect("app", "app-secret", "disable")) {
            List<BackendMessage> answers = session.exchange(out -> FrontendMessages.query(out, "SELECT * FROM no_such_table"))
                    .get(30, TimeUnit.SECONDS);
            BackendMessage.ErrorResponse error = assertInstanceOf(BackendMessage.ErrorResponse.class, answers.get(0));
            assertEquals("42P01", error.sqlState());
            assertEquals("relation \"no_such_table\" does not exist", error.message());
            assertEquals("15", error.fields().get('P'));
            assertEquals("ERROR", error.fields().get('V'));
        }
    }

    @Test
    void aWrongPasswordIsTheUpstreamsOwnError() {
        for (String[] role : List.of(new String[] {"app", "wrong"}, new String[] {"app_md5", "wrong"},
                new String[] {"app_password", "wrong"})) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> connect(role[0], role[1], "disable"));
            UpstreamRefusedException refused = assertInstanceOf(UpstreamRefusedException.class, failure.getCause());
            assertEquals("28P01", refused.error().sqlState());
            assertEquals('E', refused.frame()[0]);
            assertTrue(refused.getMessage().contains("FATAL 28P01 password authentication failed for user \"" + role[0] + "\""),
                    refused.getMessage());
        }
    }

    @Test
    void aMissingPasswordIsNamed() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connect("app", null, "disable"));
        assertTrue(failure.getCause().getMessage().contains("asks for a password (scram-sha-256) and none was given"),
                failure.getCause().getMessage());
    }

    @Test
    void anUnreachableUpstreamIsNamedWithTheReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        UpstreamUrl url = UpstreamUrl.parse("postgresql://app@127.0.0.1:" + port + "/app", Map.of());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connector.connect(url).get(30, TimeUnit.SECONDS));
        assertEquals("cannot connect to upstream 127.0.0.1:" + port + ": connection refused", failure.getCause().getMessage());
    }

    @Test
    void anExchangeOnAClosedSessionFails() throws Exception {
        UpstreamSession session = connect("app", "app-secret", "disable");
        session.close();
        session.closeFuture().get(30, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> session.exchange(out -> FrontendMessages.query(out, "SELECT 1")).get(30, TimeUnit.SECONDS));
        assertInstanceOf(UpstreamException.class, failure.getCause());
    }

    @Test
    void cancelReachesTheRunningStatement() throws Exception {
        try (UpstreamSession session = connect("app", "app-secret", "disable")) {
            var sleeping = session.exchange(out -> FrontendMessages.query(out, "SELECT pg_sleep(30)"));
            // the cancel may arrive before the sleep starts: then it cancels nothing, so repeat until it lands
            List<BackendMessage> answers = null;
            for (int attempt = 0; attempt < 100 && answers == null; attempt++) {
                connector.cancel(session.url(), session.backendKey().processId(), session.backendKey().secretKey())
                        .get(30, TimeUnit.SECONDS);
                try {
                    answers = sleeping.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // not cancelled yet
                }
            }
            assertNotNull(answers, "cancelled");
            assertEquals("57014", answers.stream().filter(BackendMessage.ErrorResponse.class::isInstance)
                    .map(m -> ((BackendMessage.ErrorResponse) m).sqlState()).findFirst().orElseThrow());
        }
    }

    private static String selectOne(UpstreamSession session, String sql) throws Exception {
        List<BackendMessage> answers = session.exchange(out -> FrontendMessages.query(out, sql)).get(30, TimeUnit.SECONDS);
        BackendMessage.DataRow row = (BackendMessage.DataRow) answers.stream()
                .filter(BackendMessage.DataRow.class::isInstance).findFirst().orElseThrow(() -> new AssertionError(answers));
        return new String(row.values().get(0), StandardCharsets.UTF_8);
    }

    private static String type(BackendMessage message) {
        if (message instanceof BackendMessage.CommandComplete) {
            return "C";
        } else if (message instanceof BackendMessage.ReadyForQuery) {
            return "Z";
        } else if (message instanceof BackendMessage.ParameterDescription) {
            return "t";
        } else if (message instanceof BackendMessage.RowDescription) {
            return "T";
        } else if (message instanceof BackendMessage.Empty empty) {
            return String.valueOf(empty.type());
        }
        return message.getClass().getSimpleName();
    }
}
