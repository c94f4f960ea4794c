package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.AuthConfig.AuthMethod;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.TlsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code server} block (docs/script-reference.md). */
final class ServerReader {
    static final List<String> KEYS = List.of("version", "parameters", "auth", "databases", "tls",
            "max_connections");
    private static final List<String> AUTH_KEYS = List.of("method", "users");
    private static final List<String> TLS_KEYS = List.of("cert", "key");
    private static final Map<String, AuthMethod> METHODS = Map.of("trust", AuthMethod.TRUST,
            "password", AuthMethod.PASSWORD, "md5", AuthMethod.MD5, "scram-sha-256", AuthMethod.SCRAM_SHA_256);

    private final Problems problems;

    ServerReader(Problems problems) {
        this.problems = problems;
    }

    ServerConfig read(Node node) {
        if (node == null) {
            return ServerConfig.DEFAULTS;
        }
        YamlMap server = YamlMap.read(node, "server", KEYS, problems);
        if (server == null) {
            return ServerConfig.DEFAULTS;
        }
        String version = server.has("version") ? Scalars.text(server.value("version"), "version", problems) : null;
        Map<String, String> parameters = server.has("parameters") ? parameters(server.value("parameters")) : Map.of();
        AuthConfig auth = server.has("auth") ? auth(server.value("auth")) : AuthConfig.TRUST;
        List<String> databases = server.has("databases") ? databases(server.value("databases")) : null;
        TlsConfig tls = server.has("tls") ? tls(server.value("tls")) : TlsConfig.OFF;
        Integer maxConnections = server.has("max_connections") ? maxConnections(server.value("max_connections"))
                : null;
        return new ServerConfig(version, parameters, auth, databases, tls, maxConnections);
    }

    private Integer maxConnections(Node node) {
        Integer value = Scalars.nonNegativeInt(node, "max_connections", problems);
        if (value != null && value == 0) {
            problems.add(node, "'max_connections' must be at least 1, found 0");
            return null;
        }
        return value;
    }

    private Map<String, String> parameters(Node node) {
        YamlMap map = YamlMap.readAny(node, "parameters", problems);
        return map == null ? Map.of() : stringMap(map);
    }

    private Map<String, String> stringMap(YamlMap map) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : map.keys()) {
            Node value = map.rawValue(key);
            String text = Scalars.isNull(value) ? "" : Scalars.text(value, key, problems);
            values.put(key, text);
        }
        return Collections.unmodifiableMap(values);
    }

    private AuthConfig auth(Node node) {
        YamlMap auth = YamlMap.read(node, "auth", AUTH_KEYS, problems);
        if (auth == null) {
            return AuthConfig.TRUST;
        }
        AuthMethod method = AuthMethod.TRUST;
        if (auth.has("method")) {
            String name = Scalars.text(auth.value("method"), "method", problems);
            method = name == null ? AuthMethod.TRUST : METHODS.get(name);
            if (name != null && method == null) {
                problems.add(auth.value("method"), "auth method must be one of trust, password, md5, scram-sha-256, found "
                        + Scalars.quote(name));
                method = AuthMethod.TRUST;
            }
        }
        Map<String, String> users = null;
        if (auth.has("users")) {
            YamlMap userMap = YamlMap.readAny(auth.value("users"), "users", problems);
            users = userMap == null ? null : stringMap(userMap);
        }
        return new AuthConfig(method, users);
    }

    private List<String> databases(Node node) {
        List<Node> items = Scalars.list(node, "databases", problems);
        if (items == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            String name = Scalars.text(item, "databases", problems);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private TlsConfig tls(Node node) {
        if (node instanceof ScalarNode scalar) {
            switch (scalar.getValue()) {
                case "off":
                    return TlsConfig.OFF;
                case "self-signed":
                    return TlsConfig.SELF_SIGNED;
                default:
                    problems.add(node, "tls must be off, self-signed or {cert: FILE, key: FILE}, found "
                            + Scalars.describe(node));
                    return TlsConfig.OFF;
            }
        }
        YamlMap files = YamlMap.read(node, "tls", TLS_KEYS, problems);
        if (files == null) {
            return TlsConfig.OFF;
        }
        String cert = required(files, "cert", "tls");
        String key = required(files, "key", "tls");
        return new TlsConfig(TlsConfig.Mode.FILES, cert, key);
    }

    private String required(YamlMap map, String key, String what) {
        Node value = map.required(key, what, problems);
        return value == null ? null : Scalars.text(value, key, problems);
    }
}
