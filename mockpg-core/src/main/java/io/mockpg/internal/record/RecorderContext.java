package io.mockpg.internal.record;

import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.upstream.UpstreamConnector;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.netty.handler.ssl.SslContext;

/**
 * What every recorded session shares.
 *
 * @param tls            the context for clients that ask for TLS, or null to decline
 * @param sessionEnded   called when a client session ends (the script is then written again)
 */
record RecorderContext(UpstreamUrl url, UpstreamConnector connector, Recording recording, Builtins builtins,
                       ColumnTypes columnTypes, SslContext tls, Runnable sessionEnded) {
}
