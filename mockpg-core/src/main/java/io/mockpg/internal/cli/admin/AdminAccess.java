package io.mockpg.internal.cli.admin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Who may use the admin API (docs/robustness.md, "Securing the admin API"). A request must name the
 * address the API is bound to in its {@code Host} header (a DNS-rebinding page names its own
 * domain), must not come from a foreign {@code Origin} (a web page's cross-origin request), and,
 * with a token configured, must carry {@code Authorization: Bearer TOKEN} (except
 * {@code GET /health}).
 *
 * @param token the bearer token, or null when none is required
 */
public record AdminAccess(String token) {
    /** No token: Host and Origin are still checked. */
    public static final AdminAccess OPEN = new AdminAccess(null);

    /** Why a request is refused, or null when it may go on. */
    record Refusal(int status, String message) {
    }

    /**
     * @param local         the address the request came in on (the bound address and port)
     * @param host          the Host header, or null
     * @param origin        the Origin header, or null
     * @param authorization the Authorization header, or null
     * @param health        whether this is {@code GET /health}, which needs no token
     */
    Refusal check(InetSocketAddress local, String host, String origin, String authorization, boolean health) {
        // without a Host header (HTTP/1.0) the client is no browser: browsers always send one
        if (host != null && !allowedHost(local, host)) {
            return new Refusal(403, "Host header must name the admin API's address, e.g. "
                    + hostText(local.getAddress()) + ":" + local.getPort());
        }
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            return new Refusal(403, "cross-origin requests are refused");
        }
        if (token != null && !health && !tokenMatches(authorization)) {
            return new Refusal(401, "the admin API needs 'Authorization: Bearer <token>' (--admin-token)");
        }
        return null;
    }

    /** Constant time: the comparison takes as long whatever prefix of the token a guess gets right. */
    private boolean tokenMatches(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] given = authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Host header names the bound port and the bound address, or a loopback alias when it is
     * a loopback address. Bound to every address (0.0.0.0, ::), any host name is accepted: the
     * server cannot know the names it is reached by (a CI service name, say).
     */
    static boolean allowedHost(InetSocketAddress local, String host) {
        String name;
        int port;
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || h.startsWith("[") && !h.contains("]:")) {
            return false; // the port is always explicit: the admin API never runs on 80
        }
        name = h.substring(0, colon);
        try {
            port = Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (port != local.getPort() || name.isEmpty()) {
            return false;
        }
        InetAddress address = local.getAddress();
        if (address.isAnyLocalAddress()) {
            return true;
        }
        if (address.isLoopbackAddress() && (name.equals("localhost") || name.equals("127.0.0.1")
                || name.equals("[::1]"))) {
            return true;
        }
        return name.equals(hostText(address));
    }

    private static String hostText(InetAddress address) {
        String literal = address.getHostAddress();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        return literal.contains(":") ? "[" + literal.toLowerCase(Locale.ROOT) + "]" : literal;
    }
}
