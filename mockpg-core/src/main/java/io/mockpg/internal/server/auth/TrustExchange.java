package io.mockpg.internal.server.auth;

import io.netty.buffer.ByteBuf;

/** trust: no password asked. */
final class TrustExchange implements AuthExchange {
    @Override
    public Outcome start(ByteBuf out) {
        return Outcome.OK;
    }

    @Override
    public Outcome onPassword(byte[] payload, ByteBuf out) {
        return Outcome.FAILED;
    }
}
