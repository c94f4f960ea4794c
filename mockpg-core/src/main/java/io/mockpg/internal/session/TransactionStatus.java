package io.mockpg.internal.session;

/** A session's transaction status, as ReadyForQuery reports it. */
public enum TransactionStatus {
    /** Not in a transaction block (statements run in implicit transactions). */
    IDLE('I'),
    /** In a transaction block. */
    IN_BLOCK('T'),
    /** In a failed transaction block: everything but its end is refused. */
    FAILED('E');

    private final char code;

    TransactionStatus(char code) {
        this.code = code;
    }

    /** ReadyForQuery's status byte. */
    public char code() {
        return code;
    }
}
