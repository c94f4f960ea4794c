package io.mockpg.internal.engine;

/**
 * The one place a CommandComplete tag with a row count is built ({@code INSERT 0 n},
 * {@code SELECT n}, {@code COPY n}, ...: CommandComplete in
 * https://www.postgresql.org/docs/current/protocol-message-formats.html). Which verb a
 * statement counts under (VALUES and TABLE count as SELECT, ...) is the engine's to decide.
 */
public final class CommandTag {
    /** "SELECT 0" to "SELECT 99", the tags of most results: built once, not per statement. */
    private static final String[] SMALL_SELECTS = new String[100];

    static {
        for (int i = 0; i < SMALL_SELECTS.length; i++) {
            SMALL_SELECTS[i] = "SELECT " + i;
        }
    }

    private CommandTag() {
    }

    /** The tag of a counting verb with {@code count} rows; a verb that counts nothing is its own tag. */
    public static String counted(String verb, long count) {
        return switch (verb) {
            case "SELECT" -> count >= 0 && count < SMALL_SELECTS.length ? SMALL_SELECTS[(int) count] : "SELECT " + count;
            case "INSERT" -> "INSERT 0 " + count;
            case "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "COPY" -> verb + " " + count;
            default -> verb;
        };
    }
}
