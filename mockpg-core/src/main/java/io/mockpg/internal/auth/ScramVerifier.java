package io.mockpg.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a server stores to check SCRAM-SHA-256 proofs without keeping the password (RFC 5802 §3):
 * the salt, the iteration count, StoredKey = H(ClientKey) and ServerKey.
 *
 * <p>The password is used as its UTF-8 bytes as-is, without SASLprep. PostgreSQL and the
 * drivers apply SASLprep, which leaves ASCII and already-normalized passwords unchanged; a
 * password that SASLprep would rewrite (for example one holding non-ASCII spaces or
 * compatibility characters) therefore fails against this verifier.
 */
public record ScramVerifier(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    /** PostgreSQL's default iteration count ({@code scram_iterations}). */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** PostgreSQL's salt length in bytes. */
    public static final int DEFAULT_SALT_LENGTH = 16;

    private static final Pattern POSTGRES_FORMAT =
            Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");

    public ScramVerifier {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
    }

    /** Derives the verifier of {@code password} with the given salt and iteration count. */
    public static ScramVerifier derive(String password, byte[] salt, int iterations) {
        byte[] saltedPassword = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] serverKey = hmac(saltedPassword, "Server Key");
        return new ScramVerifier(salt, iterations, sha256(clientKey), serverKey);
    }

    /** Derives a verifier with a fresh random salt and PostgreSQL's default iteration count. */
    public static ScramVerifier derive(String password, SecureRandom random) {
        byte[] salt = new byte[DEFAULT_SALT_LENGTH];
        random.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    /**
     * Reads PostgreSQL's stored form, as in {@code pg_authid.rolpassword}:
     * {@code SCRAM-SHA-256$ITERATIONS:SALT$STOREDKEY:SERVERKEY} (base64 parts).
     *
     * @throws IllegalArgumentException when {@code text} is not in that form
     */
    public static ScramVerifier parse(String text) {
        Matcher m = POSTGRES_FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramVerifier(b64.decode(m.group(2)), Integer.parseInt(m.group(1)),
                b64.decode(m.group(3)), b64.decode(m.group(4)));
    }

    /** PostgreSQL's stored form; see {@link #parse(String)}. */
    public String toPostgresFormat() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramVerifier v && iterations == v.iterations
                && Arrays.equals(salt, v.salt) && Arrays.equals(storedKey, v.storedKey)
                && Arrays.equals(serverKey, v.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }

    /** Hi(password, salt, i) of RFC 5802, which is PBKDF2 with HMAC-SHA-256. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            // PBEKeySpec takes chars but PBKDF2WithHmacSHA256 feeds them to HMAC as UTF-8
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
