package io.mockpg.internal.server.auth;

import io.mockpg.internal.auth.ScramResult;
import io.mockpg.internal.auth.ScramSha256Server;
import io.mockpg.internal.auth.ScramVerifier;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * scram-sha-256: AuthenticationSASL, then SASLInitialResponse
 * ({@code str mechanism | int32 len | client-first}) → AuthenticationSASLContinue, then
 * SASLResponse (client-final) → AuthenticationSASLFinal + AuthenticationOk.
 */
final class ScramExchange implements AuthExchange {
    private final ScramSha256Server scram;
    private boolean initialReceived;
    private ErrorFields failure;

    ScramExchange(String user, ScramVerifier verifier, SecureRandom random) {
        this.scram = new ScramSha256Server(user, verifier, random);
    }

    @Override
    public Outcome start(ByteBuf out) {
        BackendMessages.authenticationSasl(out, scram.mechanisms().toArray(String[]::new));
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome onPassword(byte[] payload, ByteBuf out) {
        if (!initialReceived) {
            initialReceived = true;
            return onInitialResponse(payload, out);
        }
        return answer(scram.handleClientFinal(payload), out);
    }

    private Outcome onInitialResponse(byte[] payload, ByteBuf out) {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        int zero = in.indexOf(0, payload.length, (byte) 0);
        if (zero < 0 || payload.length < zero + 5) {
            failure = ErrorFields.fatal("08P01", "malformed SASLInitialResponse message");
            return Outcome.FAILED;
        }
        String mechanism = new String(payload, 0, zero, StandardCharsets.UTF_8);
        if (!scram.supports(mechanism)) {
            failure = ErrorFields.fatal("08P01", "client selected an invalid SASL authentication mechanism");
            return Outcome.FAILED;
        }
        int length = in.getInt(zero + 1);
        int start = zero + 5;
        if (length < 0 || start + length > payload.length) {
            failure = ErrorFields.fatal("08P01", "malformed SASLInitialResponse message");
            return Outcome.FAILED;
        }
        byte[] clientFirst = new byte[length];
        System.arraycopy(payload, start, clientFirst, 0, length);
        return answer(scram.handleClientFirst(clientFirst), out);
    }

    private Outcome answer(ScramResult result, ByteBuf out) {
        if (result instanceof ScramResult.Challenge challenge) {
            BackendMessages.authenticationSaslContinue(out, challenge.message());
            return Outcome.CONTINUE;
        }
        if (result instanceof ScramResult.Success success) {
            BackendMessages.authenticationSaslFinal(out, success.message());
            return Outcome.OK;
        }
        ScramResult.Failure f = (ScramResult.Failure) result;
        failure = new ErrorFields("FATAL", f.sqlState(), f.message(), f.detail(), null, null, null, null, null, null,
                null, null);
        return Outcome.FAILED;
    }

    @Override
    public ErrorFields failure() {
        return failure;
    }
}
