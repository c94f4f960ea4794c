package io.mockpg.internal.upstream;

/**
 * libpq's {@code sslmode}, the values a recorder or checker accepts. As libpq without a root
 * certificate, {@code prefer} and {@code require} encrypt without verifying the server's
 * certificate (PostgreSQL documentation, "SSL Support": "Protection Provided in Different Modes").
 */
public enum SslMode {
    /** Never ask for TLS. */
    DISABLE,
    /** Ask for TLS; go on in plain text when the server declines. */
    PREFER,
    /** Ask for TLS; fail when the server declines. */
    REQUIRE;

    public String urlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
