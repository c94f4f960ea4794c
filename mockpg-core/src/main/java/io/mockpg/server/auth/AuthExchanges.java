package io.mockpg.server.auth;

import io.mockpg.script.AuthConfig;

/** Picks the exchange for the configured method and user. */
public final class AuthExchanges {
    private AuthExchanges() {
    }

    /** @param password the user's configured password, or null when any password is accepted */
    public static AuthExchange forMethod(AuthConfig.AuthMethod method, String user, String password) {
        return switch (method) {
            case TRUST -> new TrustExchange();
            case PASSWORD -> new CleartextExchange(password);
            case MD5, SCRAM_SHA_256 -> new CleartextExchange(password);
        };
    }
}
