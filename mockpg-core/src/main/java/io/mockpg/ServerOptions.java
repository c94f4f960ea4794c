package io.mockpg;

import io.mockpg.internal.journal.Journal;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.server.PgServer;
import io.mockpg.internal.server.ServerContext;
import io.mockpg.internal.server.SessionRegistry;
import io.mockpg.internal.server.auth.AuthExchanges;
import io.mockpg.internal.server.tls.TlsContexts;
import io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link MockPgServer.Builder} collected, with the defaults documented there, and the
 * start of a server from it: the scripts loaded, the engine built, the port bound.
 */
final class ServerOptions {
    int port = 0;
    String host = "127.0.0.1";
    final List<ScriptSource> scripts = new ArrayList<>();
    int journalLimit = Journal.DEFAULT_LIMIT;
    final ServerSettings settings = new ServerSettings();
    Duration drainTimeout = Duration.ofSeconds(5);
    int maxMessageSize = ServerContext.DEFAULT_MAX_MESSAGE_SIZE;
    Duration startupTimeout = ServerContext.DEFAULT_STARTUP_TIMEOUT;
    int maxConnections = ServerContext.DEFAULT_MAX_CONNECTIONS;
    int maxStatementSize = ServerContext.DEFAULT_MAX_STATEMENT_SIZE;
    int eventLoopThreads = PgServer.defaultEventLoopThreads();
    boolean nativeTransport;

    /** {@code value}, unless it is below {@code min}: an IllegalArgumentException naming the builder method. */
    static int atLeast(int value, int min, String name) {
        return atLeast(value, min, name, "");
    }

    static int atLeast(int value, int min, String name, String unit) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + unit);
        }
        return value;
    }

    /** {@code duration}, unless it is null, zero or negative. */
    static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }

    /** Loads the scripts and binds the port (see {@link MockPgServer.Builder#start()}). */
    MockPgServer start() {
        List<Script> loaded = new ArrayList<>();
        for (ScriptSource script : scripts) {
            loaded.add(script.load());
        }
        if (!settings.isDefault()) {
            loaded.add(settings.script()); // after the scripts: a setting made in Java wins
        }
        int[] boundPort = new int[1];
        ScriptEngine engine = new ScriptEngine(loaded, host, () -> boundPort[0], journalLimit);
        SslContext ssl = TlsContexts.forConfig(engine.serverConfig().tls());
        PgServer server = new PgServer(new ServerContext(engine, new SessionRegistry(), new AuthExchanges(), ssl,
                maxMessageSize, startupTimeout, true, maxConnections, maxStatementSize), eventLoopThreads,
                nativeTransport, () -> new ScriptEngine(List.of(), host, () -> 0));
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
}
