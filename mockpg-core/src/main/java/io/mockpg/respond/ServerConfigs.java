package io.mockpg.respond;

import io.mockpg.script.AuthConfig;
import io.mockpg.script.Script;
import io.mockpg.script.ServerConfig;
import io.mockpg.script.TlsConfig;
import io.mockpg.script.UnmatchedMode;

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
        }
        return new ServerConfig(version, java.util.Collections.unmodifiableMap(parameters), auth, databases, tls);
    }

    static UnmatchedMode unmatched(List<Script> scripts) {
        return scripts.stream().anyMatch(s -> s.unmatched() == UnmatchedMode.EMPTY) ? UnmatchedMode.EMPTY
                : UnmatchedMode.ERROR;
    }

    static boolean builtins(List<Script> scripts) {
        return scripts.stream().allMatch(Script::builtins);
    }
}
