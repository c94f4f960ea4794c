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
 */
public record ServerContext(StatementEngine engine, SessionRegistry sessions, AuthExchanges auth, SslContext sslContext,
                            int maxMessageSize, Duration startupTimeout, boolean logsSessions) {
}
