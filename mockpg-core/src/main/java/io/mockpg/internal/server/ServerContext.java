package io.mockpg.internal.server;

import io.mockpg.internal.engine.StatementEngine;
import io.mockpg.internal.server.auth.AuthExchanges;
import io.netty.handler.ssl.SslContext;

import java.time.Duration;

/**
 * What every connection of one server shares.
 *
 * @param engine         answers statements
 * @param sessions       live sessions, for CancelRequest and drain
 * @param auth           password exchanges (and their cached SCRAM verifiers)
 * @param sslContext     TLS for SSLRequest, or null to answer 'N'
 * @param maxMessageSize largest accepted frontend message
 * @param startupTimeout how long a client may take to finish startup and authentication
 * @param logsSessions   whether each session's start is logged (not for a {@link Rehearsal})
 * @param maxConnections sessions at once, those still logging in included, unless a script's
 *                       {@code server.max_connections} says otherwise
 * @param maxStatementSize longest statement text (characters) answered; longer ones get 54000
 */
public record ServerContext(StatementEngine engine, SessionRegistry sessions, AuthExchanges auth, SslContext sslContext,
                            int maxMessageSize, Duration startupTimeout, boolean logsSessions, int maxConnections,
                            int maxStatementSize) {
    /** The defaults of the standalone server and the builder (docs/robustness.md). */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
    /**
     * Lexing and shaping the densest text ({@code SELECT 1,1,1,...}) holds about 55 bytes of
     * heap per character while the statement is answered: 1 Mi characters stay within a
     * -Xmx128m server's means with an event loop per core parsing at once.
     */
    public static final int DEFAULT_MAX_STATEMENT_SIZE = 1024 * 1024;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);
}
