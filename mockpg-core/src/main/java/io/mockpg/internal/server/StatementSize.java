package io.mockpg.internal.server;

import io.mockpg.internal.engine.ErrorFields;

/**
 * The statement size limit (docs/robustness.md): lexing, shaping and matching cost memory and
 * time in proportion to a statement's text, so one over the limit is refused unread, and the
 * COPY data kept for the journal is bounded by as many bytes.
 */
final class StatementSize {
    private StatementSize() {
    }

    /** ERROR 54000 for a statement text over {@code limit} characters, or null. */
    static ErrorFields tooLarge(String sql, int limit) {
        if (sql.length() <= limit) {
            return null;
        }
        return error("statement too large", "The statement has " + sql.length() + " characters; the limit is "
                + limit + ".");
    }

    /** ERROR 54000 for COPY data over {@code limit} bytes. */
    static ErrorFields copyTooLarge(int limit) {
        return error("COPY data too large", "More than " + limit + " bytes were sent.");
    }

    private static ErrorFields error(String message, String detail) {
        return new ErrorFields("ERROR", "54000", message, detail, "Raise the server's --max-statement-size.", null,
                null, null, null, null, null, null);
    }
}
