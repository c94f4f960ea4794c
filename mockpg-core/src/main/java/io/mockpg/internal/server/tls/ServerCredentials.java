package io.mockpg.internal.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A server's private key and its certificate chain, leaf first.
 */
public record ServerCredentials(PrivateKey key, List<X509Certificate> chain) {
    public ServerCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate");
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
