package io.mockpg.internal.auth;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One SCRAM verifier per user and password, derived on first use and then reused.
 *
 * <p>Deriving costs thousands of HMAC rounds (a few milliseconds); a real server also keeps one
 * salt per user rather than a fresh one per login. Safe for concurrent use.
 */
public final class ScramVerifierCache {

    private record Key(String user, String password) {
    }

    private final ConcurrentMap<Key, ScramVerifier> verifiers = new ConcurrentHashMap<>();
    private final SecureRandom random;

    public ScramVerifierCache(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The verifier of {@code user} with {@code password}, derived with a random salt once. */
    public ScramVerifier verifierFor(String user, String password) {
        return verifiers.computeIfAbsent(new Key(user, password),
                key -> ScramVerifier.derive(key.password(), random));
    }

    /** Forgets every verifier, for instance after the configured passwords changed. */
    public void clear() {
        verifiers.clear();
    }
}
