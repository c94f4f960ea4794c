package io.mockpg.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.shaded.com.ongres.scram.client.ScramClient;
import org.postgresql.shaded.com.ongres.scram.common.exception.ScramException;

/** The server against the SCRAM client that pgjdbc itself uses (bundled in its jar). */
class ScramSha256ServerPgjdbcClientTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void pgjdbcClientAcceptsTheServerWithoutChannelBinding() throws ScramException {
        ScramSha256Server server = new ScramSha256Server("app", ScramVerifier.derive("s3cret", RANDOM), RANDOM);
        ScramClient client = ScramClient.builder().advertisedMechanisms(server.mechanisms())
                .username("*").password("s3cret".toCharArray()).build();

        String clientFirst = client.clientFirstMessage().toString();
        assertEquals("n,,", clientFirst.substring(0, 3));
        runExchange(server, client, clientFirst);
    }

    @Test
    void pgjdbcClientThatCouldBindChannelsSendsFlagYAndIsAccepted() throws ScramException {
        ScramSha256Server server = new ScramSha256Server("app", ScramVerifier.derive("s3cret", RANDOM), RANDOM);
        ScramClient client = ScramClient.builder().advertisedMechanisms(server.mechanisms())
                .username("*").password("s3cret".toCharArray())
                .channelBinding("tls-server-end-point", new byte[32]).build();

        String clientFirst = client.clientFirstMessage().toString();
        assertEquals("y,,", clientFirst.substring(0, 3));
        runExchange(server, client, clientFirst);
    }

    @Test
    void pgjdbcClientRejectsAServerThatDoesNotKnowThePassword() throws ScramException {
        ScramSha256Server server = new ScramSha256Server("app", ScramVerifier.derive("other", RANDOM), RANDOM);
        ScramClient client = ScramClient.builder().advertisedMechanisms(server.mechanisms())
                .username("*").password("s3cret".toCharArray()).build();
        ScramResult first = server.handleClientFirst(bytes(client.clientFirstMessage().toString()));
        client.serverFirstMessage(text(assertInstanceOf(ScramResult.Challenge.class, first).message()));
        ScramResult last = server.handleClientFinal(bytes(client.clientFinalMessage().toString()));
        assertEquals("28P01", assertInstanceOf(ScramResult.Failure.class, last).sqlState());
    }

    private static void runExchange(ScramSha256Server server, ScramClient client, String clientFirst)
            throws ScramException {
        ScramResult first = server.handleClientFirst(bytes(clientFirst));
        client.serverFirstMessage(text(assertInstanceOf(ScramResult.Challenge.class, first).message()));
        ScramResult last = server.handleClientFinal(bytes(client.clientFinalMessage().toString()));
        // throws if the server signature is wrong
        client.serverFinalMessage(text(assertInstanceOf(ScramResult.Success.class, last).message()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
