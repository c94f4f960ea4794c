package io.mockpg.internal.upstream;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A real PostgreSQL to connect to, from a libpq connection URI
 * {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require]}
 * (PostgreSQL documentation, "Connection URIs"). The password, when the URI has none, comes
 * from {@code PGPASSWORD}. {@link #toString()} never shows the password.
 *
 * @param password null when neither the URI nor {@code PGPASSWORD} gives one
 */
public record UpstreamUrl(String user, String password, String host, int port, String database, SslMode sslMode) {
    public static final int DEFAULT_PORT = 5432;
    private static final String[] SCHEMES = {"postgresql://", "postgres://"};

    /** Parses {@code url}; the password falls back to {@code environment.get("PGPASSWORD")}. */
    public static UpstreamUrl parse(String url, Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            throw new UpstreamUrlException("no upstream URL given");
        }
        String rest = null;
        for (String scheme : SCHEMES) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                rest = url.substring(scheme.length());
            }
        }
        if (rest == null) {
            throw new UpstreamUrlException("upstream URL must start with postgresql://: " + redacted(url));
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new UpstreamUrlException("upstream URL names no database (postgresql://USER@HOST/DB): "
                    + redacted(url));
        }
        String database = decode(rest.substring(slash + 1), url);
        String authority = rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at <= 0) {
            throw new UpstreamUrlException("upstream URL names no user (postgresql://USER@HOST/DB): " + redacted(url));
        }
        String userInfo = authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), url);
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1), url);
        if (password == null) {
            password = environment.get("PGPASSWORD");
        }
        String host;
        int port = DEFAULT_PORT;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new UpstreamUrlException("upstream URL has an unclosed [IPv6 address]: " + redacted(url));
            }
            host = hostPort.substring(1, close);
            hostPort = hostPort.substring(close + 1);
            if (!hostPort.isEmpty() && !hostPort.startsWith(":")) {
                throw new UpstreamUrlException("upstream URL has a bad host: " + redacted(url));
            }
            port = hostPort.isEmpty() ? DEFAULT_PORT : port(hostPort.substring(1), url);
        } else {
            int portColon = hostPort.lastIndexOf(':');
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            if (portColon >= 0) {
                port = port(hostPort.substring(portColon + 1), url);
            }
        }
        if (host.isEmpty() || host.contains(",")) {
            throw new UpstreamUrlException("upstream URL must name exactly one host: " + redacted(url));
        }
        return new UpstreamUrl(user, password, host, port, database, sslMode(query, url));
    }

    private static SslMode sslMode(String query, String url) {
        SslMode mode = SslMode.PREFER; // libpq's default
        if (query.isEmpty()) {
            return mode;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), url);
            if (!key.equals("sslmode")) {
                throw new UpstreamUrlException("upstream URL parameter '" + key
                        + "' is not supported (only sslmode): " + redacted(url));
            }
            mode = switch (value) {
                case "disable" -> SslMode.DISABLE;
                case "prefer" -> SslMode.PREFER;
                case "require" -> SslMode.REQUIRE;
                default -> throw new UpstreamUrlException("sslmode must be disable, prefer or require, not '" + value
                        + "': " + redacted(url));
            };
        }
        return mode;
    }

    private static int port(String text, String url) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UpstreamUrlException("upstream URL has a bad port '" + text + "': " + redacted(url));
    }

    private static String decode(String text, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UpstreamUrlException("upstream URL has a bad %-escape: " + redacted(url));
        }
    }

    /** The URL with its password, if any, replaced by {@code ***}, for messages. */
    static String redacted(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^:@/]*):[^@/]*@", "$1:***@");
    }

    /** host:port, as messages name the upstream. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL without the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + address() + "/" + database + "?sslmode=" + sslMode.urlValue();
    }
}
