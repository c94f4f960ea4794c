package io.mockpg.internal.script;

/**
 * `server.tls` (docs/script-reference.md, "server").
 *
 * @param mode     off, self-signed, or files
 * @param certFile PEM certificate chain (mode FILES)
 * @param keyFile  PEM private key (mode FILES)
 */
public record TlsConfig(Mode mode, String certFile, String keyFile) {
    public static final TlsConfig OFF = new TlsConfig(Mode.OFF, null, null);
    public static final TlsConfig SELF_SIGNED = new TlsConfig(Mode.SELF_SIGNED, null, null);

    public enum Mode { OFF, SELF_SIGNED, FILES }
}
