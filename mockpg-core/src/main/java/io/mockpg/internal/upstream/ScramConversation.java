package io.mockpg.internal.upstream;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import com.ongres.scram.common.exception.ScramException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The client's side of one SCRAM-SHA-256 exchange, through the SCRAM library pgjdbc uses. Its
 * own class, so that a class path without that optional library fails only when an upstream
 * asks for SCRAM (see {@link Authenticator}).
 */
final class ScramConversation {
    private final ScramClient client;

    /** @throws IllegalArgumentException when no offered mechanism is supported */
    ScramConversation(List<String> mechanisms, String password) {
        // as pgjdbc: PostgreSQL takes the user from the startup message, not from SCRAM's n=
        client = ScramClient.builder().advertisedMechanisms(mechanisms).username("*")
                .password(password.toCharArray()).stringPreparation(StringPreparation.POSTGRESQL_PREPARATION).build();
    }

    String mechanism() {
        return client.getScramMechanism().getName();
    }

    byte[] clientFirst() {
        return client.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalStateException with the library's reason when the server's message is bad */
    byte[] clientFinal(byte[] serverFirst) {
        try {
            client.serverFirstMessage(new String(serverFirst, StandardCharsets.UTF_8));
            return client.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8);
        } catch (ScramException e) {
            throw new IllegalStateException("bad SCRAM message: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when the server's signature does not verify */
    void verify(byte[] serverFinal) {
        try {
            client.serverFinalMessage(new String(serverFinal, StandardCharsets.UTF_8));
        } catch (ScramException e) {
            throw new IllegalStateException("SCRAM verification failed: " + e.getMessage(), e);
        }
    }
}
