package io.mockpg.internal.respond;

import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.TlsConfig;
import io.mockpg.internal.script.UnmatchedMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging of several scripts' settings. {@code server} keys: a later script wins per key
 * (parameters per parameter name). {@code unmatched: empty} and {@code builtins: false} are
 * not the defaults, and the model cannot tell a default from one written out, so a script
 * that asks for either gets it for the whole server.
 */
final class ServerConfigs {
    private ServerConfigs() {
    }

    static ServerConfig merge(List<Script> scripts) {
        String version = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        AuthConfig auth = AuthConfig.TRUST;
        List<String> databases = null;
        TlsConfig tls = TlsConfig.OFF;
        Integer maxConnections = null;
        for (Script script : scripts) {
            ServerConfig server = script.server() == null ? ServerConfig.DEFAULTS : script.server();
            if (server.version() != null) {
                version = server.version();
            }
            if (server.parameters() != null) {
                parameters.putAll(server.parameters());
            }
            if (server.auth() != null && !server.auth().equals(AuthConfig.TRUST)) {
                auth = server.auth();
            }
            if (server.databases() != null) {
                databases = server.databases();
            }
            if (server.tls() != null && server.tls().mode() != TlsConfig.Mode.OFF) {
                tls = server.tls();
            }
            if (server.maxConnections() != null) {
                maxConnections = server.maxConnections();
            }
        }
        return new ServerConfig(version, java.util.Collections.unmodifiableMap(parameters), auth, databases, tls,
                maxConnections);
    }

    static UnmatchedMode unmatched(List<Script> scripts) {
        return scripts.stream().anyMatch(s -> s.unmatched() == UnmatchedMode.EMPTY) ? UnmatchedMode.EMPTY
                : UnmatchedMode.ERROR;
    }

    static boolean builtins(List<Script> scripts) {
        return scripts.stream().allMatch(Script::builtins);
    }
}
