package io.mockpg.internal.upstream;

/** A connection URL that cannot be used; the message says why, and never contains the password. */
public final class UpstreamUrlException extends IllegalArgumentException {
    public UpstreamUrlException(String message) {
        super(message);
    }
}
