package io.mockpg.internal.matching;

import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.SqlToken;
import java.util.List;

/**
 * Whether an unmatched statement reads the system catalog ({@code pg_catalog},
 * {@code information_schema} or a {@code pg_*} relation after FROM or JOIN): then it is almost
 * certainly sent by a driver or framework on its own, which the built-ins should answer, and
 * the MP001 report asks the user to report it rather than script it.
 */
public final class CatalogReads {
    /** The report's line for such a statement. */
    public static final String NOTE = "this reads the system catalog: it looks like driver or framework chatter,"
            + " which mockpg should answer by itself; please report it (with the framework and its version)"
            + " rather than script it";

    private CatalogReads() {
    }

    public static boolean readsCatalog(SqlStatement statement) {
        List<SqlToken> words = statement.words();
        for (int i = 0; i < words.size(); i++) {
            SqlToken token = words.get(i);
            if (token.is("pg_catalog") || token.is("information_schema")) {
                return true;
            }
            boolean relation = i > 0 && (words.get(i - 1).is("from") || words.get(i - 1).is("join"));
            if (relation && token.kind() == SqlToken.Kind.WORD && token.text().startsWith("pg_")) {
                return true;
            }
        }
        return false;
    }
}
