package io.mockpg.internal.cli;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.cli.admin.AdminAccess;
import io.mockpg.internal.cli.admin.AdminBackend;
import io.mockpg.internal.cli.admin.AdminServer;
import io.mockpg.internal.respond.RuleInfo;
import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.internal.script.yaml.ScriptLoader;

import java.io.IOException;
import java.util.List;

/** The admin HTTP API (docs/ci.md, "Admin HTTP API") over a running server. */
final class AdminEndpoint implements AdminBackend, AutoCloseable {
    /** The source name of rules added through the API, as GET /rules shows it. */
    static final String SOURCE = "admin";

    private final MockPgServer server;
    private final AdminServer http;

    private AdminEndpoint(MockPgServer server, AdminAccess access) {
        this.server = server;
        this.http = new AdminServer(this, access);
    }

    static AdminEndpoint start(MockPgServer server, String host, int port, AdminAccess access) throws IOException {
        AdminEndpoint endpoint = new AdminEndpoint(server, access);
        endpoint.http.start(host, port);
        return endpoint;
    }

    int port() {
        return http.port();
    }

    @Override
    public List<JournalEntry> journal() {
        return server.journal();
    }

    @Override
    public List<JournalEntry> unmatched() {
        return server.unmatched();
    }

    @Override
    public void clearJournal() {
        server.clearJournal();
    }

    @Override
    public List<RuleInfo> rules() {
        return server.rules();
    }

    @Override
    public List<String> addRulesYaml(String yaml) {
        try {
            server.addScript(ScriptLoader.parse(SOURCE, yaml));
            return List.of();
        } catch (ScriptException e) {
            return e.problemsWithoutSource();
        }
    }

    @Override
    public void reset() {
        server.reset();
    }

    @Override
    public void notify(String channel, String payload) {
        server.notify(channel, payload);
    }

    @Override
    public void close() {
        http.close();
    }
}
