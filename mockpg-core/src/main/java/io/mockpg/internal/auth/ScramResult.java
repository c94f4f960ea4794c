package io.mockpg.internal.auth;

/**
 * The server's answer to one client message of a SCRAM exchange.
 */
public sealed interface ScramResult {

    /** Send {@code message} in AuthenticationSASLContinue and wait for the client's next message. */
    record Challenge(byte[] message) implements ScramResult {
        public Challenge {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }

    /**
     * The proof was right: send {@code message} (the server-final-message) in
     * AuthenticationSASLFinal, then AuthenticationOk.
     */
    record Success(byte[] message) implements ScramResult {
        public Success {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }

    /**
     * Authentication failed: send a FATAL ErrorResponse with these fields and close.
     *
     * @param sqlState 28P01 for a wrong password, 08P01 for a malformed or out-of-order
     *                 message, 0A000 for a requested feature this server lacks
     * @param message  the primary message, as PostgreSQL words it
     * @param detail   what exactly was wrong, or null
     */
    record Failure(String sqlState, String message, String detail) implements ScramResult {
    }
}
