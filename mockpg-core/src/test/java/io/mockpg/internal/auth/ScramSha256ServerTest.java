package io.mockpg.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramSha256ServerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ScramVerifier APP_VERIFIER = ScramVerifier.derive("s3cret", RANDOM);

    @Test
    void reproducesTheRfc7677Exchange() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramVerifier verifier = ScramVerifier.derive("pencil", salt, 4096);
        ScramSha256Server server = new ScramSha256Server("user", verifier, "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");

        ScramResult first = server.handleClientFirst(bytes("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                text(assertInstanceOf(ScramResult.Challenge.class, first).message()));

        ScramResult last = server.handleClientFinal(bytes("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                text(assertInstanceOf(ScramResult.Success.class, last).message()));
    }

    @Test
    void offersOnlyScramSha256WithoutChannelBinding() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        assertEquals(List.of("SCRAM-SHA-256"), server.mechanisms());
        assertTrue(server.supports("SCRAM-SHA-256"));
        assertEquals(false, server.supports("SCRAM-SHA-256-PLUS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n,,", "y,,"})
    void completesAnExchangeWithTheRightPassword(String gs2Header) {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramTestClient client = new ScramTestClient("", "s3cret", "fyko+d2lbbFgONRv9qkxdawL", gs2Header);

        byte[] serverFirst = challenge(server.handleClientFirst(client.clientFirst()));
        Map<String, String> attributes = ScramTestClient.attributes(text(serverFirst));
        assertTrue(attributes.get("r").startsWith("fyko+d2lbbFgONRv9qkxdawL"));
        assertTrue(attributes.get("r").length() > "fyko+d2lbbFgONRv9qkxdawL".length());
        assertEquals("4096", attributes.get("i"));
        assertArrayEquals(APP_VERIFIER.salt(), Base64.getDecoder().decode(attributes.get("s")));

        ScramResult last = server.handleClientFinal(client.clientFinal(serverFirst));
        assertEquals(client.expectedServerFinal(), text(assertInstanceOf(ScramResult.Success.class, last).message()));
    }

    @Test
    void acceptsAPasswordGivenDirectly() {
        ScramSha256Server server = new ScramSha256Server("app", ScramVerifier.derive("pässwörd", RANDOM), RANDOM);
        ScramTestClient client = new ScramTestClient("app", "pässwörd", "abc");
        byte[] serverFirst = challenge(server.handleClientFirst(client.clientFirst()));
        assertInstanceOf(ScramResult.Success.class, server.handleClientFinal(client.clientFinal(serverFirst)));
    }

    @Test
    void failsAWrongPasswordWithInvalidPassword() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramTestClient client = new ScramTestClient("app", "wrong", "clientnonce");
        byte[] serverFirst = challenge(server.handleClientFirst(client.clientFirst()));

        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class,
                server.handleClientFinal(client.clientFinal(serverFirst)));
        assertEquals("28P01", failure.sqlState());
        assertEquals("password authentication failed for user \"app\"", failure.message());
    }

    @Test
    void failsATamperedNonce() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramTestClient client = new ScramTestClient("app", "s3cret", "clientnonce");
        String serverFirst = text(challenge(server.handleClientFirst(client.clientFirst())));
        // a client answering a server nonce other than the one sent: its last character changed
        String nonce = ScramTestClient.attributes(serverFirst).get("r");
        char last = nonce.charAt(nonce.length() - 1);
        String tampered = serverFirst.replace("r=" + nonce,
                "r=" + nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A'));

        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class,
                server.handleClientFinal(client.clientFinal(bytes(tampered))));
        assertEquals("08P01", failure.sqlState());
        assertEquals("Nonce does not match.", failure.detail());
    }

    @Test
    void failsAChannelBindingAttributeThatDoesNotMatchTheHeader() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramTestClient client = new ScramTestClient("app", "s3cret", "clientnonce");
        byte[] serverFirst = challenge(server.handleClientFirst(client.clientFirst()));
        String clientFinal = text(client.clientFinal(serverFirst)).replace("c=biws", "c=eSws");

        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class, server.handleClientFinal(bytes(clientFinal)));
        assertEquals("SCRAM channel binding check failed", failure.message());
    }

    @Test
    void refusesARequestForChannelBinding() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class,
                server.handleClientFirst(bytes("p=tls-server-end-point,,n=,r=abc")));
        assertEquals("08P01", failure.sqlState());
        assertEquals("malformed SCRAM message", failure.message());
    }

    @Test
    void refusesAnAuthorizationIdentity() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class,
                server.handleClientFirst(bytes("n,a=admin,n=,r=abc")));
        assertEquals("0A000", failure.sqlState());
    }

    @Test
    void ignoresExtensionsAfterTheNonce() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, "SERVER");
        ScramResult result = server.handleClientFirst(bytes("n,,n=app,r=abc,x=ext"));
        assertTrue(text(challenge(result)).startsWith("r=abcSERVER,s="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "n", "n,", "x,,n=,r=abc", "n,,r=abc", "n,,n=", "n,,n=,r=", "n,,n=,r=a,b",
            "n,,n=,r=has space", "n,,n=,x=abc", "n,,m=ext,n=,r=abc", "n,,n=,r=abc,=bad", "biws"})
    void failsMalformedClientFirstMessages(String message) {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class, server.handleClientFirst(bytes(message)));
        assertTrue(List.of("08P01", "0A000").contains(failure.sqlState()), failure.sqlState());
    }

    @Test
    void failsClientFirstMessagesThatAreNotUtf8OrMissing() {
        assertInstanceOf(ScramResult.Failure.class, new ScramSha256Server("app", APP_VERIFIER, RANDOM)
                .handleClientFirst(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xC3, ',', 'r', '=', 'a'}));
        assertInstanceOf(ScramResult.Failure.class, new ScramSha256Server("app", APP_VERIFIER, RANDOM)
                .handleClientFirst(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "c=biws", "c=biws,r=abcSERVER", "c=biws,r=abcSERVER,p=", "c=biws,r=abcSERVER,p=%%%",
            "c=biws,r=abcSERVER,p=AAAA", "c=!!,r=abcSERVER,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            "r=abcSERVER,c=biws,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            "c=biws,r=abcSERVER,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=,x=after"})
    void failsMalformedClientFinalMessages(String message) {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, "SERVER");
        challenge(server.handleClientFirst(bytes("n,,n=,r=abc")));
        ScramResult.Failure failure = assertInstanceOf(ScramResult.Failure.class, server.handleClientFinal(bytes(message)));
        assertEquals("08P01", failure.sqlState());
    }

    @Test
    void failsMessagesOutOfOrder() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        assertInstanceOf(ScramResult.Failure.class, server.handleClientFinal(bytes("c=biws,r=abc,p=AAAA")));
        // once failed, the exchange stays failed
        assertInstanceOf(ScramResult.Failure.class, server.handleClientFirst(bytes("n,,n=,r=abc")));
    }

    @Test
    void refusesASecondClientFinalAfterSuccess() {
        ScramSha256Server server = new ScramSha256Server("app", APP_VERIFIER, RANDOM);
        ScramTestClient client = new ScramTestClient("app", "s3cret", "nonce");
        byte[] clientFinal = client.clientFinal(challenge(server.handleClientFirst(client.clientFirst())));
        assertInstanceOf(ScramResult.Success.class, server.handleClientFinal(clientFinal));
        assertInstanceOf(ScramResult.Failure.class, server.handleClientFinal(clientFinal));
    }

    private static byte[] challenge(ScramResult result) {
        return assertInstanceOf(ScramResult.Challenge.class, result).message();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
