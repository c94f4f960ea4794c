package io.mockpg.internal.respond.builtin;

import java.util.ArrayList;
import java.util.List;

/** Parses transaction modes: ISOLATION LEVEL …, READ ONLY|WRITE, [NOT] DEFERRABLE. */
final class TransactionModes {
    private TransactionModes() {
    }

    /**
     * The (setting, value) pairs the modes stand for, with names of the transaction_*
     * settings; null when the rest is not a list of transaction modes.
     */
    static List<String[]> parse(TokenCursor cursor) {
        List<String[]> modes = new ArrayList<>();
        while (!cursor.atEnd()) {
            if (cursor.acceptAll("isolation", "level")) {
                String level = isolationLevel(cursor);
                if (level == null) {
                    return null;
                }
                modes.add(new String[] {"transaction_isolation", level});
            } else if (cursor.acceptAll("read", "only")) {
                modes.add(new String[] {"transaction_read_only", "on"});
            } else if (cursor.acceptAll("read", "write")) {
                modes.add(new String[] {"transaction_read_only", "off"});
            } else if (cursor.acceptAll("not", "deferrable")) {
                modes.add(new String[] {"transaction_deferrable", "off"});
            } else if (cursor.accept("deferrable")) {
                modes.add(new String[] {"transaction_deferrable", "on"});
            } else if (!cursor.acceptSymbol(",")) {
                return null;
            }
        }
        return modes;
    }

    private static String isolationLevel(TokenCursor cursor) {
        if (cursor.accept("serializable")) {
            return "serializable";
        }
        if (cursor.acceptAll("repeatable", "read")) {
            return "repeatable read";
        }
        if (cursor.acceptAll("read", "committed")) {
            return "read committed";
        }
        if (cursor.acceptAll("read", "uncommitted")) {
            return "read uncommitted";
        }
        return null;
    }
}
