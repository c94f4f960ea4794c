package io.mockpg;

import io.mockpg.internal.respond.RuleInfo;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.server.PgServer;
import io.mockpg.internal.server.ServerContext;
import io.mockpg.internal.server.SessionRegistry;
import io.mockpg.internal.server.auth.AuthExchanges;
import io.mockpg.internal.server.tls.TlsContexts;
import io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final ScriptEngine engine;
    private final PgServer server;
    private final String host;
    private final int port;
    private final Duration drainTimeout;
    private boolean closed;

    private MockPgServer(ScriptEngine engine, PgServer server, String host, int port, Duration drainTimeout) {
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

    /** Every statement received, in arrival order. */
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

    /** AssertionError with the near-miss report if any statement went unmatched. */
    public void verifyNoUnmatched() {
        engine.verifyNoUnmatched();
    }

    /** Adds rules ahead of the existing ones: "classpath:x.yaml" or a file path. */
    public MockPgServer addScript(String location) {
        return addScript(ScriptLoader.load(location));
    }

    public MockPgServer addScript(Path file) {
        return addScript(ScriptLoader.load(file));
    }

    public MockPgServer addScript(Script script) {
        engine.addScript(script);
        return this;
    }

    public MockPgServer addScriptYaml(String yaml) {
        return addScript(ScriptLoader.parse("inline", yaml));
    }

    /** Empties the journal, resets scenarios, rule counters and removes added scripts. */
    public void reset() {
        engine.reset();
    }

    /** Empties the journal only. */
    public void clearJournal() {
        engine.clearJournal();
    }

    /** The rules in precedence order, with how many statements each answered since the last reset. */
    public List<RuleInfo> rules() {
        return engine.rules();
    }

    /** Replaces the base scripts atomically (hot reload); added scripts stay ahead of them. */
    public void replaceScripts(List<Script> scripts) {
        engine.replaceScripts(scripts);
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
        int port = 0;
        String host = "127.0.0.1";
        final List<Object> scripts = new ArrayList<>();
        Duration drainTimeout = Duration.ofSeconds(5);
        int maxMessageSize = ServerContext.DEFAULT_MAX_MESSAGE_SIZE;
        Duration startupTimeout = ServerContext.DEFAULT_STARTUP_TIMEOUT;
        int maxConnections = ServerContext.DEFAULT_MAX_CONNECTIONS;
        int maxStatementSize = ServerContext.DEFAULT_MAX_STATEMENT_SIZE;
        int eventLoopThreads = PgServer.defaultEventLoopThreads();
        boolean nativeTransport;

        Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** A script: "classpath:x.yaml" or a file path. Later scripts take precedence. */
        public Builder script(String location) {
            scripts.add(location);
            return this;
        }

        public Builder script(Path file) {
            scripts.add(file);
            return this;
        }

        public Builder script(Script script) {
            scripts.add(script);
            return this;
        }

        /** A script given inline as YAML text. */
        public Builder scriptYaml(String yaml) {
            scripts.add(new InlineYaml(yaml));
            return this;
        }

        /** Threads serving connections. Default: one per core. */
        public Builder eventLoopThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("eventLoopThreads must be at least 1");
            }
            this.eventLoopThreads = threads;
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
            this.nativeTransport = preferred;
            return this;
        }

        /**
         * How long a client may take from connecting to the end of authentication; after it the
         * connection is closed. Default 10 s.
         */
        public Builder startupTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive");
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * How many sessions may be connected at once, clients still logging in included; one
         * more gets FATAL 53300 {@code sorry, too many clients already}. Default 100. A script's
         * {@code server.max_connections} takes precedence.
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * The longest statement text (in characters) answered; a longer Query or Parse gets
         * ERROR 54000 {@code statement too large} and the session goes on. Default 1 Mi
         * (1,048,576). COPY FROM STDIN data, kept in the journal, is bounded by as many bytes.
         */
        public Builder maxStatementSize(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("maxStatementSize must be at least 1");
            }
            this.maxStatementSize = characters;
            return this;
        }

        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = timeout;
            return this;
        }

        /**
         * Largest accepted frontend message, its length field included; a larger one gets 08P01
         * and the connection is closed. Default 64 MiB. Before authentication the limit is
         * 65535 bytes whatever this says, as PostgreSQL's for authentication messages.
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes");
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Loads the scripts and binds the port. The event loops that answer come up on a
         * background thread (NIO; epoll binds in place); a client connecting sooner waits in
         * the listening socket's backlog until they do.
         */
        public MockPgServer start() {
            List<Script> loaded = new ArrayList<>();
            for (Object script : scripts) {
                loaded.add(load(script));
            }
            int[] boundPort = new int[1];
            ScriptEngine engine = new ScriptEngine(loaded, host, () -> boundPort[0]);
            SslContext ssl = TlsContexts.forConfig(engine.serverConfig().tls());
            PgServer server = new PgServer(new ServerContext(engine, new SessionRegistry(), new AuthExchanges(), ssl, maxMessageSize,
                    startupTimeout, true, maxConnections, maxStatementSize), eventLoopThreads, nativeTransport, () -> new ScriptEngine(List.of(), host, () -> 0));
            try {
                InetSocketAddress address = server.start(host, port);
                boundPort[0] = address.getPort();
                return new MockPgServer(engine, server, host, address.getPort(), drainTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new IllegalStateException("interrupted while starting", e);
            } catch (IOException e) {
                server.close();
                throw new UncheckedIOException("could not listen on " + host + ":" + port, e);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        private static Script load(Object script) {
            if (script instanceof Script s) {
                return s;
            }
            if (script instanceof Path p) {
                return ScriptLoader.load(p);
            }
            if (script instanceof InlineYaml inline) {
                return ScriptLoader.parse("inline", inline.yaml());
            }
            return ScriptLoader.load((String) script);
        }

        record InlineYaml(String yaml) {
        }
    }
}
