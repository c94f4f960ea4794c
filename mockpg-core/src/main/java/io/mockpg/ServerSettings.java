package io.mockpg;

import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.TlsConfig;
import io.mockpg.internal.script.UnmatchedMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code server}, {@code unmatched} and {@code builtins} keys of a script, set on a {@link MockPgServer.Builder}. */
final class ServerSettings {
    String version;
    final Map<String, String> parameters = new LinkedHashMap<>();
    AuthConfig.AuthMethod authMethod;
    final Map<String, String> users = new LinkedHashMap<>();
    List<String> databases;
    TlsConfig tls;
    UnmatchedMode unmatched;
    Boolean builtins;

    boolean isDefault() {
        return version == null && parameters.isEmpty() && authMethod == null && users.isEmpty() && databases == null
                && tls == null && unmatched == null && builtins == null;
    }

    /** A script of these settings and no rules, named {@code builder}. */
    Script script() {
        AuthConfig auth = authMethod == null && users.isEmpty() ? AuthConfig.TRUST
                : new AuthConfig(authMethod == null ? AuthConfig.AuthMethod.TRUST : authMethod,
                users.isEmpty() ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users)));
        ServerConfig server = new ServerConfig(version, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), auth, databases,
                tls == null ? TlsConfig.OFF : tls, null);
        return new Script("builder", server, unmatched == null ? UnmatchedMode.ERROR : unmatched,
                builtins == null || builtins, List.of());
    }

    static AuthConfig.AuthMethod authMethod(String method) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "trust" -> AuthConfig.AuthMethod.TRUST;
            case "password" -> AuthConfig.AuthMethod.PASSWORD;
            case "md5" -> AuthConfig.AuthMethod.MD5;
            case "scram-sha-256" -> AuthConfig.AuthMethod.SCRAM_SHA_256;
            default -> throw new IllegalArgumentException("auth method '" + method
                    + "': give trust, password, md5 or scram-sha-256");
        };
    }

    static UnmatchedMode unmatchedMode(String mode) {
        return switch (mode) {
            case "error" -> UnmatchedMode.ERROR;
            case "empty" -> UnmatchedMode.EMPTY;
            default -> throw new IllegalArgumentException("unmatched '" + mode + "': give error or empty");
        };
    }
}
