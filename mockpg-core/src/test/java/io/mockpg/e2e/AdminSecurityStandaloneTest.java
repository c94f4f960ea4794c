package io.mockpg.e2e;

import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The standalone server's admin token, from --admin-token or MOCKPG_ADMIN_TOKEN, never logged. */
class AdminSecurityStandaloneTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    private static int status(StandaloneProcess server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.adminPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theTokenComesFromTheEnvironment() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, Map.of("MOCKPG_ADMIN_TOKEN", "from-env-42"),
                "--admin-port", "0")) {
            assertEquals(200, status(server, "/health", null));
            assertEquals(401, status(server, "/journal", null));
            assertEquals(401, status(server, "/journal", "other"));
            assertEquals(200, status(server, "/journal", "from-env-42"));
            assertFalse(server.stderr().contains("from-env-42"), server.stderr());
        }
    }

    @Test
    void theFlagWinsOverTheEnvironment() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, List.of(),
                Map.of("MOCKPG_ADMIN_TOKEN", "from-env"), "--admin-port", "0", "--admin-token", "from-flag")) {
            assertEquals(401, status(server, "/rules", "from-env"));
            assertEquals(200, status(server, "/rules", "from-flag"));
        }
    }

    @Test
    void withoutATokenTheApiIsOpenToItsOwnHost() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--admin-port", "0")) {
            assertEquals(200, status(server, "/journal", null));
        }
    }
}
