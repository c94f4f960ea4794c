package io.mockpg;

import io.mockpg.internal.api.ServerBridge;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.server.PgServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running mockpg server (docs/junit5.md): a PostgreSQL wire-protocol server answering from scripts.
 *
 * <pre>{@code
 * try (MockPgServer server = MockPgServer.builder().script("classpath:shop.yaml").start()) {
 *     String url = server.jdbcUrl();
 *     ...
 *     server.verify(1, "SELECT * FROM users WHERE id = $1");
 * }
 * }</pre>
 */
public final class MockPgServer implements AutoCloseable {
    /** The source name of rules added with {@link #stub}, as {@link #rules()} shows them. */
    static final String STUB_SOURCE = "stub";

    static {
        ServerBridge.install(new BridgeAccess());
    }

    /** The engine and the network side, which mockpg's own modules reach through {@link BridgeAccess}. */
    final ScriptEngine engine;
    final PgServer server;
    private final AtomicInteger stubs = new AtomicInteger();
    private final String host;
    private final int port;
    private final Duration drainTimeout;
    private boolean closed;

    MockPgServer(ScriptEngine engine, PgServer server, String host, int port, Duration drainTimeout) {
        this.engine = engine;
        this.server = server;
        this.host = host;
        this.port = port;
        this.drainTimeout = drainTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** "epoll" or "nio", for tests: see {@link Builder#nativeTransport}. */
    String transport() {
        return server.transport();
    }

    public String host() {
        return host;
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB}, DB the first allowed database or "mockpg". */
    public String jdbcUrl() {
        List<String> databases = engine.serverConfig().databases();
        String database = databases == null || databases.isEmpty() ? "mockpg" : databases.get(0);
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Every statement received, in arrival order, driver chatter included: up to the journal
     * limit ({@link Builder#journalLimit}), beyond which the oldest are dropped and counted by
     * {@link #journalDropped()}. Find what a test checks with {@link #find}, not by position.
     */
    public List<JournalEntry> journal() {
        return engine.journal();
    }

    /** The statements no rule answered. */
    public List<JournalEntry> unmatched() {
        return engine.unmatched();
    }

    /**
     * AssertionError unless exactly {@code count} received statements match {@code sql} by
     * the same normalized matching as a rule's match.sql; the message lists what was received.
     */
    public void verify(int count, String sql) {
        engine.verify(count, sql);
    }

    /**
     * AssertionError unless exactly {@code count} received statements match the pattern (its
     * SQL or regex, params, user, database, {@code withId} and {@code committed()}/{@code rolledBack()});
     * the message lists what was received. Refused (AssertionError) once the journal has dropped
     * entries, since the count would miss them.
     */
    public void verify(int count, StatementPattern pattern) {
        engine.verify(count, StubRules.query(pattern));
    }

    /** The received statements the pattern matches, in arrival order; refused once the journal has dropped entries. */
    public List<JournalEntry> find(StatementPattern pattern) {
        return engine.find(StubRules.query(pattern));
    }

    /**
     * How many of the oldest statements the journal dropped since it was last emptied: it keeps
     * the newest {@link Builder#journalLimit} only.
     */
    public long journalDropped() {
        return engine.journalDropped();
    }

    /**
     * Adds the stub's rule ahead of every other rule (like a test's own script); {@link #reset()}
     * removes it, and so does the JUnit extension after each test.
     *
     * @throws IllegalArgumentException saying what to change when the stub is not a valid rule;
     *                                  nothing is added then
     */
    public MockPgServer stub(Stub stub) {
        Rule rule = StubRules.rule(stub, STUB_SOURCE, stubs.incrementAndGet());
        try {
            engine.addScript(Script.ofRules(STUB_SOURCE, List.of(rule)));
        } catch (IllegalArgumentException e) { // its SQL, compiled as the rule is added
            throw new IllegalArgumentException("stub " + stub.pattern + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** AssertionError with the near-miss report if any statement went unmatched. */
    public void verifyNoUnmatched() {
        engine.verifyNoUnmatched();
    }

    /** Adds rules ahead of the existing ones: "classpath:x.yaml" or a file path. */
    public MockPgServer addScript(String location) {
        engine.addScript(ScriptLoader.load(location));
        return this;
    }

    public MockPgServer addScript(Path file) {
        engine.addScript(ScriptLoader.load(file));
        return this;
    }

    /** Adds the rules of a script given as YAML text ahead of the existing ones. */
    public MockPgServer addScriptYaml(String yaml) {
        engine.addScript(ScriptLoader.parse("inline", yaml));
        return this;
    }

    /** Empties the journal, resets scenarios and rule counters, removes added scripts and injected faults. */
    public void reset() {
        engine.reset();
    }

    /**
     * Answers the {@code at}-th statement that a script rule answers from now (1 = the next)
     * with {@code fault} instead of the rule's answer, as PostgreSQL would fail it
     * (docs/resilience.md). Built-in answers (driver chatter, {@code BEGIN}/{@code COMMIT}
     * without a rule) and unmatched statements are not counted. {@link #reset()} drops faults
     * not yet played, as does {@link #clearFaults()}.
     *
     * @throws IllegalArgumentException when {@code at} is below 1 or {@code fault} is null
     */
    public void injectFault(int at, Fault fault) {
        engine.injectFault(at, fault);
    }

    /** Drops the faults injected with {@link #injectFault} and not yet played. */
    public void clearFaults() {
        engine.clearFaults();
    }

    /** Empties the journal only. */
    public void clearJournal() {
        engine.clearJournal();
    }

    /** The rules in precedence order, with how many statements each answered since the last reset. */
    public List<RuleSummary> rules() {
        return engine.rules();
    }

    /** Sends a NotificationResponse to every session listening on the channel. */
    public void notify(String channel, String payload) {
        engine.notificationHub().notify(channel, payload, 0);
    }

    /** How many client sessions are connected (authenticated). */
    public int sessionCount() {
        return server.sessions().size();
    }

    /** Drains and stops the server (README.md, "Standalone server"). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.drain(drainTimeout);
        } finally {
            server.close();
        }
    }

    /** Configures and starts a server. */
    public static final class Builder {
        final ServerOptions options = new ServerOptions();
        private final ServerSettings settings = options.settings;

        Builder() {
        }

        public Builder port(int port) {
            options.port = port;
            return this;
        }

        public Builder host(String host) {
            options.host = host;
            return this;
        }

        /** A script: "classpath:x.yaml" or a file path. Later scripts take precedence. */
        public Builder script(String location) {
            options.scripts.add(new ScriptSource.Location(location));
            return this;
        }

        public Builder script(Path file) {
            options.scripts.add(new ScriptSource.File(file));
            return this;
        }

        /** A script given inline as YAML text. */
        public Builder scriptYaml(String yaml) {
            options.scripts.add(new ScriptSource.Inline(yaml));
            return this;
        }

        /**
         * Stubs the server starts with, after the scripts given so far (so they take precedence
         * over them); unlike {@link MockPgServer#stub}, {@link MockPgServer#reset()} keeps them.
         */
        public Builder stub(Stub... stubs) {
            options.scripts.add(new ScriptSource.Stubs(List.of(stubs)));
            return this;
        }

        /**
         * How many statements the journal keeps (default 100,000); beyond it the oldest are
         * dropped and counted ({@link MockPgServer#journalDropped()}), so memory stays bounded.
         */
        public Builder journalLimit(int entries) {
            options.journalLimit = ServerOptions.atLeast(entries, 1, "journalLimit");
            return this;
        }

        /** {@code server_version} reported at startup, by {@code version()} and by {@code SHOW} (a script's {@code server.version}). */
        public Builder serverVersion(String version) {
            settings.version = version;
            return this;
        }

        /** An extra or overridden ParameterStatus value sent at startup, also what {@code SHOW} returns. */
        public Builder serverParameter(String name, String value) {
            settings.parameters.put(name, value);
            return this;
        }

        /** How clients authenticate: {@code trust} (the default), {@code password}, {@code md5} or {@code scram-sha-256}. */
        public Builder auth(String method) {
            settings.authMethod = ServerSettings.authMethod(method);
            return this;
        }

        /** A user who may log in, with the password; other user names are refused with 28000. */
        public Builder user(String name, String password) {
            settings.users.put(name, password);
            return this;
        }

        /** The databases clients may connect to; others get 3D000. Unset: every name is accepted. */
        public Builder databases(String... names) {
            settings.databases = List.of(names);
            return this;
        }

        /** TLS with a certificate generated at startup. */
        public Builder tlsSelfSigned() {
            settings.tls = io.mockpg.internal.script.TlsConfig.SELF_SIGNED;
            return this;
        }

        /** TLS with these PEM files: the certificate chain and the private key. */
        public Builder tls(Path certificate, Path key) {
            settings.tls = new io.mockpg.internal.script.TlsConfig(io.mockpg.internal.script.TlsConfig.Mode.FILES,
                    certificate.toString(), key.toString());
            return this;
        }

        /** What an unmatched statement gets: {@code error} (MP001, the default) or {@code empty} (an empty result). */
        public Builder unmatched(String mode) {
            settings.unmatched = ServerSettings.unmatchedMode(mode);
            return this;
        }

        /** Whether built-in answers (driver chatter, transaction control, settings, catalog) are on; default true. */
        public Builder builtins(boolean on) {
            settings.builtins = on;
            return this;
        }

        /** Threads serving connections. Default: one per core. */
        public Builder eventLoopThreads(int threads) {
            options.eventLoopThreads = ServerOptions.atLeast(threads, 1, "eventLoopThreads");
            return this;
        }

        /**
         * Serves connections through Netty's native epoll transport where it is available
         * (Linux on x86_64 or aarch64, unless {@code -Dio.netty.transport.noNative=true}), NIO
         * elsewhere. Default off: loading the native library adds about 40 ms to a fresh JVM's
         * first start, which a long-running server under load earns back (3-9 % more pgbench
         * transactions on the same CPUs) and a test class does not. The standalone server turns
         * it on.
         */
        public Builder nativeTransport(boolean preferred) {
            options.nativeTransport = preferred;
            return this;
        }

        /**
         * How long a client may take from connecting to the end of authentication; after it the
         * connection is closed. Default 10 s.
         */
        public Builder startupTimeout(Duration timeout) {
            options.startupTimeout = ServerOptions.positive(timeout, "startupTimeout");
            return this;
        }

        /**
         * How many sessions may be connected at once, clients still logging in included; one
         * more gets FATAL 53300 {@code sorry, too many clients already}. Default 100. A script's
         * {@code server.max_connections} takes precedence.
         */
        public Builder maxConnections(int connections) {
            options.maxConnections = ServerOptions.atLeast(connections, 1, "maxConnections");
            return this;
        }

        /**
         * The longest statement text (in characters) answered; a longer Query or Parse gets
         * ERROR 54000 {@code statement too large} and the session goes on. Default 1 Mi
         * (1,048,576). COPY FROM STDIN data, kept in the journal, is bounded by as many bytes.
         */
        public Builder maxStatementSize(int characters) {
            options.maxStatementSize = ServerOptions.atLeast(characters, 1, "maxStatementSize");
            return this;
        }

        public Builder drainTimeout(Duration timeout) {
            options.drainTimeout = timeout;
            return this;
        }

        /**
         * Largest accepted frontend message, its length field included; a larger one gets 08P01
         * and the connection is closed. Default 64 MiB. Before authentication the limit is
         * 65535 bytes whatever this says, as PostgreSQL's for authentication messages.
         */
        public Builder maxMessageSize(int bytes) {
            options.maxMessageSize = ServerOptions.atLeast(bytes, 1024, "maxMessageSize", " bytes");
            return this;
        }

        /**
         * Loads the scripts and binds the port. The event loops that answer come up on a
         * background thread (NIO; epoll binds in place); a client connecting sooner waits in
         * the listening socket's backlog until they do.
         */
        public MockPgServer start() {
            return options.start();
        }

    }
}
