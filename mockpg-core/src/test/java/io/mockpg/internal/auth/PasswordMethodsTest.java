package io.mockpg.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PasswordMethodsTest {

    // "md5" + md5hex(md5hex(password + user) + salt), computed with Python's hashlib
    private static final String APP_S3CRET_SALT_01020304 = "md51460f94130eb931937bbd6439ee8ab57";
    private static final String POSTGRES_UMLAUTS_SALT_DEADBEEF = "md55e5c61ac4cbcd6a1c67d510117ee65ab";

    @Test
    void md5MatchesKnownResponses() {
        byte[] salt = {1, 2, 3, 4};
        assertEquals(APP_S3CRET_SALT_01020304, Md5Password.expectedResponse("app", "s3cret", salt));
        assertTrue(Md5Password.verify("app", "s3cret", salt, APP_S3CRET_SALT_01020304));
        assertTrue(Md5Password.verify("postgres", "pässwörd", new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef},
                POSTGRES_UMLAUTS_SALT_DEADBEEF));
    }

    @Test
    void md5RejectsWrongPasswordUserSaltOrResponse() {
        byte[] salt = {1, 2, 3, 4};
        assertFalse(Md5Password.verify("app", "wrong", salt, APP_S3CRET_SALT_01020304));
        assertFalse(Md5Password.verify("other", "s3cret", salt, APP_S3CRET_SALT_01020304));
        assertFalse(Md5Password.verify("app", "s3cret", new byte[] {1, 2, 3, 5}, APP_S3CRET_SALT_01020304));
        assertFalse(Md5Password.verify("app", "s3cret", salt, "s3cret"));
        assertFalse(Md5Password.verify("app", "s3cret", salt, null));
    }

    @Test
    void md5SaltsAreFourRandomBytes() {
        Md5Password md5 = new Md5Password(new SecureRandom());
        byte[] one = md5.salt();
        byte[] two = md5.salt();
        assertEquals(4, one.length);
        assertNotEquals(Arrays.toString(one), Arrays.toString(two));
    }

    @Test
    void cleartextComparesExactly() {
        assertTrue(CleartextPassword.verify("s3cret", "s3cret"));
        assertFalse(CleartextPassword.verify("s3cret", "S3cret"));
        assertFalse(CleartextPassword.verify("s3cret", "s3cret "));
        assertFalse(CleartextPassword.verify("s3cret", null));
        assertFalse(CleartextPassword.verify(null, "s3cret"));
    }
}
