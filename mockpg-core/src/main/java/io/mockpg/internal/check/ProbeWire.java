package io.mockpg.internal.check;

import java.io.IOException;

/**
 * An upstream session after startup (authenticated, ReadyForQuery seen): frontend messages go
 * out as bytes, backend messages come back one frame at a time. The transport, startup,
 * authentication and TLS are the wire's business; the probe only speaks the query protocol.
 */
public interface ProbeWire extends AutoCloseable {

    /** Writes encoded frontend messages and flushes them. */
    void send(byte[] messages) throws IOException;

    /** The next backend message, waiting for it; IOException when the session broke or nothing came in time. */
    BackendFrame receive() throws IOException;

    /** Round trips spent before the wire was handed over (startup and authentication). */
    int startupRoundTrips();

    @Override
    void close();
}
