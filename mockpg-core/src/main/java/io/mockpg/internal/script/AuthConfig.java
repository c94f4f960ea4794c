package io.mockpg.internal.script;

import java.util.Map;

/**
 * `server.auth` (docs/script-reference.md, "server").
 *
 * @param method how clients authenticate
 * @param users  user → password; null means any user (and, for password methods, any password)
 */
public record AuthConfig(AuthMethod method, Map<String, String> users) {
    public static final AuthConfig TRUST = new AuthConfig(AuthMethod.TRUST, null);

    public enum AuthMethod { TRUST, PASSWORD, MD5, SCRAM_SHA_256 }
}
