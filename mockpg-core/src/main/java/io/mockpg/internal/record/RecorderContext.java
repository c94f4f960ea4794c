package io.mockpg.internal.record;

import io.mockpg.internal.upstream.UpstreamConnector;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;

/**
 * What every recorded session shares.
 *
 * @param tls            the context for clients that ask for TLS (made in the background: a
 *                       self-signed certificate takes a while to generate)
 * @param sessionEnded   called when a client session ends (the script is then written again)
 */
record RecorderContext(UpstreamUrl url, UpstreamConnector connector, Recording recording, StatementTemplates templates,
                       ColumnTypes columnTypes, CompletableFuture<SslContext> tls, Runnable sessionEnded) {
}
