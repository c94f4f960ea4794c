package io.mockpg.internal.server.auth;

import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** password: AuthenticationCleartextPassword, then the password in a PasswordMessage. */
final class CleartextExchange implements AuthExchange {
    private final String expected;

    /** @param expected the password, or null to accept any */
    CleartextExchange(String expected) {
        this.expected = expected;
    }

    @Override
    public Outcome start(ByteBuf out) {
        BackendMessages.authenticationCleartextPassword(out);
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome onPassword(byte[] payload, ByteBuf out) {
        int end = payload.length > 0 && payload[payload.length - 1] == 0 ? payload.length - 1 : payload.length;
        String given = new String(payload, 0, end, StandardCharsets.UTF_8);
        return expected == null || expected.equals(given) ? Outcome.OK : Outcome.FAILED;
    }
}
