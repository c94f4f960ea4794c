package io.mockpg.server;

import io.mockpg.engine.StatementEngine;
import io.netty.handler.ssl.SslContext;

import java.time.Duration;

/**
 * What every connection of one server shares.
 *
 * @param engine         answers statements
 * @param sessions       live sessions, for CancelRequest and drain
 * @param sslContext     TLS for SSLRequest, or null to answer 'N'
 * @param maxMessageSize largest accepted frontend message
 * @param startupTimeout how long a client may take to finish startup and authentication
 */
public record ServerContext(StatementEngine engine, SessionRegistry sessions, SslContext sslContext,
                            int maxMessageSize, Duration startupTimeout) {
}
