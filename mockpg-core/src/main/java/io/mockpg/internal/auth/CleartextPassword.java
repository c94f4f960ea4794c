package io.mockpg.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * PostgreSQL's cleartext password method (AuthenticationCleartextPassword): the client's
 * PasswordMessage holds the password itself.
 */
public final class CleartextPassword {

    private CleartextPassword() {
    }

    /** Whether {@code received} equals {@code expected}, compared in constant time; null is wrong. */
    public static boolean verify(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }
}
