package io.mockpg.internal.respond;

import io.mockpg.internal.engine.CommandTag;
import io.mockpg.internal.sql.SqlStatement;

import java.util.Locale;
import java.util.Set;

/**
 * CommandComplete tags derived from a statement (docs/script-reference.md, "respond"; https://www.postgresql.org/docs/current/protocol-message-formats.html, CommandComplete):
 * {@code INSERT 0 n}; {@code UPDATE/DELETE/MERGE/SELECT/FETCH/MOVE/COPY n}; {@code SELECT n}
 * for VALUES, TABLE and CREATE TABLE AS; otherwise the command words ({@code CREATE TABLE},
 * {@code DISCARD ALL}, {@code SET}, ...).
 */
final class CommandTags {
    private static final Set<String> COUNTING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "FETCH",
            "MOVE", "COPY");
    private static final Set<String> OBJECT_MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY",
            "UNLOGGED", "GLOBAL", "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT");
    private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER");

    private CommandTags() {
    }

    /**
     * The verb whose tag counts rows ("SELECT", "INSERT", ...) for a statement, or null when
     * its tag carries no count (then use {@link #words}).
     */
    static String countingVerb(SqlStatement statement) {
        String verb = statement.commandVerb().toUpperCase(Locale.ROOT);
        if (COUNTING.contains(verb)) {
            return verb;
        }
        if (verb.equals("VALUES") || verb.equals("TABLE") || verb.equals("WITH")) {
            return "SELECT";
        }
        if (verb.equals("CREATE")) {
            String[] words = words(statement.normalized());
            if (objectName(words).equals("TABLE") && contains(words, "AS")) {
                return "SELECT";
            }
        }
        return null;
    }

    /** The complete derived tag for a statement with {@code count} rows. */
    static String tag(SqlStatement statement, long count) {
        String verb = countingVerb(statement);
        return verb == null ? words(statement) : CommandTag.counted(verb, count);
    }

    /** The tag of a statement whose tag has no count: its command words. */
    static String words(SqlStatement statement) {
        String verb = statement.verb().toUpperCase(Locale.ROOT);
        String[] words = verb.isEmpty() ? new String[0] : words(statement.normalized());
        String second = words.length > 1 ? words[1] : "";
        if (DDL.contains(verb)) {
            String object = objectName(words);
            return object.isEmpty() ? verb : verb + " " + object;
        }
        return switch (verb) {
            case "START" -> "START TRANSACTION";
            case "END" -> "COMMIT";
            case "ABORT" -> "ROLLBACK";
            case "DISCARD" -> second.isEmpty() ? verb : "DISCARD " + second;
            case "DECLARE" -> "DECLARE CURSOR";
            case "CLOSE" -> second.equals("ALL") ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
            case "DEALLOCATE" -> contains(words, "ALL") ? "DEALLOCATE ALL" : verb;
            case "TRUNCATE" -> "TRUNCATE TABLE";
            case "LOCK" -> "LOCK TABLE";
            case "REFRESH" -> "REFRESH MATERIALIZED VIEW";
            case "IMPORT" -> "IMPORT FOREIGN SCHEMA";
            case "SECURITY" -> "SECURITY LABEL";
            default -> verb;
        };
    }

    /** The object words of a CREATE/DROP/ALTER: "TABLE", "INDEX", "MATERIALIZED VIEW", ... */
    private static String objectName(String[] words) {
        int i = 1;
        while (i < words.length && OBJECT_MODIFIERS.contains(words[i])) {
            i++;
        }
        if (i >= words.length) {
            return "";
        }
        String first = words[i];
        String next = i + 1 < words.length ? words[i + 1] : "";
        int count = switch (first) {
            case "MATERIALIZED", "EVENT", "ACCESS", "DEFAULT" -> 2;
            case "FOREIGN" -> next.equals("DATA") ? 3 : 2;
            case "TEXT" -> 3;
            case "USER" -> next.equals("MAPPING") ? 2 : 1;
            case "OPERATOR" -> next.equals("CLASS") || next.equals("FAMILY") ? 2 : 1;
            default -> 1;
        };
        StringBuilder object = new StringBuilder(first);
        for (int k = 1; k < count && i + k < words.length; k++) {
            object.append(' ').append(words[i + k]);
        }
        return object.toString();
    }

    private static String[] words(String normalized) {
        return normalized.toUpperCase(Locale.ROOT).trim().split("\\s+");
    }

    private static boolean contains(String[] words, String word) {
        for (String w : words) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
