package io.mockpg.internal.server.auth;

import io.mockpg.internal.auth.ScramVerifierCache;
import io.mockpg.internal.script.AuthConfig;

import java.security.SecureRandom;

/**
 * Picks the exchange for the configured method and user. SCRAM verifiers are derived once
 * per user and password (PBKDF2 is deliberately slow) and shared by all connections.
 */
public final class AuthExchanges {
    private SecureRandom random;
    private ScramVerifierCache verifiers;

    /**
     * @param password the user's configured password, or null when any password is accepted
     *                 (SCRAM cannot prove a password it does not know: it then falls back to
     *                 a cleartext request that accepts anything)
     */
    public AuthExchange forMethod(AuthConfig.AuthMethod method, String user, String password) {
        return switch (method) {
            case TRUST -> new TrustExchange();
            case PASSWORD -> new CleartextExchange(password);
            case MD5 -> new Md5Exchange(user, password, random());
            case SCRAM_SHA_256 -> password == null ? new CleartextExchange(null)
                    : new ScramExchange(user, verifiers().verifierFor(user, password), random());
        };
    }

    /** Created on first use: seeding a SecureRandom is slow, and trust needs none. */
    private synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    private synchronized ScramVerifierCache verifiers() {
        if (verifiers == null) {
            verifiers = new ScramVerifierCache(random());
        }
        return verifiers;
    }
}
