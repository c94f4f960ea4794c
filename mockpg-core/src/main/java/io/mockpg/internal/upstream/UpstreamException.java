package io.mockpg.internal.upstream;

/**
 * The upstream PostgreSQL could not be reached, refused, or broke the protocol. The message
 * names the upstream's host and port and the reason, never the password.
 */
public class UpstreamException extends RuntimeException {
    public UpstreamException(String message) {
        super(message);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
