package io.mockpg.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * PostgreSQL's MD5 password method: the server sends AuthenticationMD5Password with a random
 * 4-byte salt, and the client answers {@code "md5" + md5hex(md5hex(password + user) + salt)}.
 */
public final class Md5Password {

    /** Length of the salt in AuthenticationMD5Password. */
    public static final int SALT_LENGTH = 4;

    private final SecureRandom random;

    public Md5Password(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh salt for one AuthenticationMD5Password message. */
    public byte[] salt() {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }

    /**
     * Whether {@code clientResponse} (the PasswordMessage's string) is the right answer for
     * {@code user} with {@code password} to {@code salt}. A null response is wrong.
     */
    public static boolean verify(String user, String password, byte[] salt, String clientResponse) {
        if (clientResponse == null) {
            return false;
        }
        byte[] expected = expectedResponse(user, password, salt).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, clientResponse.getBytes(StandardCharsets.UTF_8));
    }

    /** What a client sends for {@code user} and {@code password} given {@code salt}. */
    public static String expectedResponse(String user, String password, byte[] salt) {
        String inner = md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
        byte[] innerBytes = inner.getBytes(StandardCharsets.US_ASCII);
        byte[] salted = new byte[innerBytes.length + salt.length];
        System.arraycopy(innerBytes, 0, salted, 0, innerBytes.length);
        System.arraycopy(salt, 0, salted, innerBytes.length, salt.length);
        return "md5" + md5Hex(salted);
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
