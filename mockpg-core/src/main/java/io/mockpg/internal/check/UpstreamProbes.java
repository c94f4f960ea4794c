package io.mockpg.internal.check;

import io.mockpg.internal.upstream.UpstreamConnector;
import io.mockpg.internal.upstream.UpstreamException;
import io.mockpg.internal.upstream.UpstreamSession;
import io.mockpg.internal.upstream.UpstreamUrl;
import java.util.concurrent.ExecutionException;

/**
 * Opens a probe's session with the upstream client that {@code mockpg record} uses: the URL
 * (with {@code PGPASSWORD}), TLS as {@code sslmode} asks, and authentication are its business.
 */
public final class UpstreamProbes {
    private UpstreamProbes() {
    }

    /**
     * @throws io.mockpg.internal.upstream.UpstreamUrlException (an IllegalArgumentException) for a malformed URL
     * @throws IllegalStateException when the database cannot be reached or refuses the login, with the reason
     */
    public static SchemaProbe open(String url) {
        UpstreamUrl upstream = UpstreamUrl.parse(url, System.getenv());
        UpstreamConnector connector = UpstreamConnector.create();
        UpstreamSession session;
        try {
            session = connector.connect(upstream).get();
        } catch (ExecutionException e) {
            connector.close();
            throw new IllegalStateException(e.getCause() instanceof UpstreamException ? e.getCause().getMessage()
                    : "cannot connect to " + upstream.address() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            connector.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + upstream.address(), e);
        }
        return new PipelinedProbe(session, connector);
    }
}
