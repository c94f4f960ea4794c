package io.mockpg.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ScramVerifierTest {

    // computed independently with Python's hashlib.pbkdf2_hmac and hmac
    private static final String S3CRET_WITH_SALT_0_TO_15 = "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw=="
            + "$gJ4pC97thnuVQBJdGIO+xGHlnKL1Zx2S+230NRJ3HR8=:KGKxEt3VINf+beX/v4NCNbxlZg8u9RrT3JVaR+py5ig=";

    @Test
    void derivesPostgresStoredForm() {
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        assertEquals(S3CRET_WITH_SALT_0_TO_15, ScramVerifier.derive("s3cret", salt, 4096).toPostgresFormat());
    }

    @Test
    void parsesPostgresStoredForm() {
        ScramVerifier verifier = ScramVerifier.parse(S3CRET_WITH_SALT_0_TO_15);
        assertEquals(4096, verifier.iterations());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, verifier.salt());
        assertEquals(S3CRET_WITH_SALT_0_TO_15, verifier.toPostgresFormat());
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("md5abcdef"));
    }

    @Test
    void randomDerivationUsesDefaultsAndFreshSalt() {
        SecureRandom random = new SecureRandom();
        ScramVerifier one = ScramVerifier.derive("pw", random);
        ScramVerifier two = ScramVerifier.derive("pw", random);
        assertEquals(4096, one.iterations());
        assertEquals(16, one.salt().length);
        assertNotEquals(one, two);
    }

    @Test
    void cacheDerivesOncePerUserAndPassword() {
        ScramVerifierCache cache = new ScramVerifierCache(new SecureRandom());
        ScramVerifier first = cache.verifierFor("app", "s3cret");
        assertSame(first, cache.verifierFor("app", "s3cret"));
        assertNotEquals(first, cache.verifierFor("other", "s3cret"));
        assertNotEquals(first, cache.verifierFor("app", "changed"));
        cache.clear();
        assertNotEquals(first, cache.verifierFor("app", "s3cret"));
    }
}
