package io.mockpg.internal.server.tls;

/** The configured TLS certificate or key cannot be used; the message says which file and why. */
public final class TlsSetupException extends RuntimeException {

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
