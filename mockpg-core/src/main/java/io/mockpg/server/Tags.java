package io.mockpg.server;

import io.mockpg.engine.Result;

/** CommandComplete tags derived from a verb and a row count (PROTOCOL-NOTES §0.7). */
final class Tags {
    private Tags() {
    }

    static String forRows(Result.Rows rows, long rowsSent) {
        if (rows.fixedTag() != null) {
            return rows.fixedTag();
        }
        long count = rows.affected() != null ? rows.affected() : rowsSent;
        String verb = rows.tagVerb() == null || rows.tagVerb().isEmpty() ? "SELECT" : rows.tagVerb();
        return switch (verb) {
            case "INSERT" -> "INSERT 0 " + count;
            case "SELECT", "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "COPY" -> verb + " " + count;
            case "WITH", "VALUES", "TABLE", "SHOW" -> verb.equals("SHOW") ? "SHOW" : "SELECT " + count;
            default -> verb;
        };
    }
}
