package io.mockpg.internal.script;

import java.util.List;
import java.util.Map;

/**
 * `server` (docs/script-reference.md, "server"). Null members mean "not given".
 *
 * @param version    server_version, or null for the default
 * @param parameters extra or overridden ParameterStatus values (insertion order kept)
 * @param auth       authentication; {@link AuthConfig#TRUST} by default
 * @param databases  allowed database names, or null for any
 * @param tls        TLS setting
 * @param maxConnections how many client sessions may be connected at once (more get FATAL 53300), or null
 *                       for no limit
 */
public record ServerConfig(String version, Map<String, String> parameters, AuthConfig auth, List<String> databases,
                           TlsConfig tls, Integer maxConnections) {
    public static final ServerConfig DEFAULTS = new ServerConfig(null, Map.of(), AuthConfig.TRUST, null, TlsConfig.OFF,
            null);
}
