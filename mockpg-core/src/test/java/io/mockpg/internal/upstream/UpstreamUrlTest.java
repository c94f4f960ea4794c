package io.mockpg.internal.upstream;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libpq connection URIs as a recorder or checker takes them. */
class UpstreamUrlTest {
    @Test
    void everyPartIsRead() {
        UpstreamUrl url = UpstreamUrl.parse("postgresql://app:s%40cret@db.example:6543/shop?sslmode=require", Map.of());
        assertEquals(new UpstreamUrl("app", "s@cret", "db.example", 6543, "shop", SslMode.REQUIRE), url);
        assertEquals("db.example:6543", url.address());
    }

    @Test
    void defaultsAreLibpqs() {
        UpstreamUrl url = UpstreamUrl.parse("postgres://app@localhost/shop", Map.of());
        assertEquals(5432, url.port());
        assertEquals(SslMode.PREFER, url.sslMode());
        assertNull(url.password());
    }

    @Test
    void thePasswordMayComeFromPgpassword() {
        assertEquals("from-env", UpstreamUrl.parse("postgresql://app@h/db", Map.of("PGPASSWORD", "from-env")).password());
        assertEquals("in-url", UpstreamUrl.parse("postgresql://app:in-url@h/db", Map.of("PGPASSWORD", "x")).password());
    }

    @Test
    void ipv6HostsAreBracketed() {
        UpstreamUrl url = UpstreamUrl.parse("postgresql://app@[::1]:5433/db?sslmode=disable", Map.of());
        assertEquals("::1", url.host());
        assertEquals("[::1]:5433", url.address());
        assertEquals(SslMode.DISABLE, url.sslMode());
    }

    @Test
    void thePasswordIsNeverShown() {
        UpstreamUrl url = UpstreamUrl.parse("postgresql://app:hunter2@h:1/db", Map.of());
        assertEquals("postgresql://app@h:1/db?sslmode=prefer", url.toString());
        UpstreamUrlException bad = assertThrows(UpstreamUrlException.class,
                () -> UpstreamUrl.parse("postgresql://app:hunter2@h:99999/db", Map.of()));
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
        assertTrue(bad.getMessage().contains("postgresql://app:***@h:99999/db"), bad.getMessage());
    }

    @Test
    void badUrlsSayWhatIsWrong() {
        assertEquals("upstream URL must start with postgresql://: mysql://a@b/c", message("mysql://a@b/c"));
        assertEquals("upstream URL names no database (postgresql://USER@HOST/DB): postgresql://a@b", message("postgresql://a@b"));
        assertEquals("upstream URL names no user (postgresql://USER@HOST/DB): postgresql://b/c", message("postgresql://b/c"));
        assertEquals("upstream URL has a bad port 'x': postgresql://a@b:x/c", message("postgresql://a@b:x/c"));
        assertEquals("sslmode must be disable, prefer or require, not 'verify-full': postgresql://a@b/c?sslmode=verify-full",
                message("postgresql://a@b/c?sslmode=verify-full"));
        assertEquals("upstream URL parameter 'connect_timeout' is not supported (only sslmode): postgresql://a@b/c?connect_timeout=3",
                message("postgresql://a@b/c?connect_timeout=3"));
        assertEquals("upstream URL must name exactly one host: postgresql://a@b,c/d", message("postgresql://a@b,c/d"));
        assertEquals("no upstream URL given", message(""));
    }

    private static String message(String url) {
        return assertThrows(UpstreamUrlException.class, () -> UpstreamUrl.parse(url, Map.of())).getMessage();
    }
}
