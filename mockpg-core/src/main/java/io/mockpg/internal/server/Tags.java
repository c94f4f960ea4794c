package io.mockpg.internal.server;

import io.mockpg.internal.engine.Result;

/** CommandComplete tags derived from a verb and a row count (https://www.postgresql.org/docs/current/protocol-message-formats.html, CommandComplete). */
final class Tags {
    /** "SELECT 0" to "SELECT 99", the tags of most results: built once, not per statement. */
    private static final String[] SMALL_SELECTS = new String[100];

    static {
        for (int i = 0; i < SMALL_SELECTS.length; i++) {
            SMALL_SELECTS[i] = "SELECT " + i;
        }
    }

    private Tags() {
    }

    static String forRows(Result.Rows rows, long rowsSent) {
        if (rows.fixedTag() != null) {
            return rows.fixedTag();
        }
        long count = rows.affected() != null ? rows.affected() : rowsSent;
        String verb = rows.tagVerb() == null || rows.tagVerb().isEmpty() ? "SELECT" : rows.tagVerb();
        if (count >= 0 && count < SMALL_SELECTS.length && verb.equals("SELECT")) {
            return SMALL_SELECTS[(int) count];
        }
        return switch (verb) {
            case "INSERT" -> "INSERT 0 " + count;
            case "SELECT", "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "COPY" -> verb + " " + count;
            case "WITH", "VALUES", "TABLE", "SHOW" -> verb.equals("SHOW") ? "SHOW" : "SELECT " + count;
            default -> verb;
        };
    }
}
