package io.mockpg.internal.server.auth;

import io.mockpg.internal.engine.ErrorFields;
import io.netty.buffer.ByteBuf;

/** One authentication exchange of the startup phase, for one connection. */
public interface AuthExchange {
    enum Outcome { OK, CONTINUE, FAILED }

    /** Writes the first Authentication* request; OK when no exchange is needed (trust). */
    Outcome start(ByteBuf out);

    /** Handles a PasswordMessage / SASLInitialResponse / SASLResponse payload. */
    Outcome onPassword(byte[] payload, ByteBuf out);

    /** Why the exchange FAILED, when it knows better than "password authentication failed". */
    default ErrorFields failure() {
        return null;
    }
}
