package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/** Renders the value list of a SET statement as PostgreSQL shows it afterwards. */
final class SettingValueList {
    private SettingValueList() {
    }

    /** The value text, or null when the tokens are not a plain list of values. */
    static String render(String settingName, List<SqlToken> tokens) {
        boolean searchPath = settingName.equalsIgnoreCase("search_path");
        List<String> values = new ArrayList<>();
        boolean negative = false;
        boolean expectValue = true;
        for (SqlToken token : tokens) {
            if (!expectValue) {
                if (!token.isSymbol(",")) {
                    return null;
                }
                expectValue = true;
                continue;
            }
            if (token.isSymbol("-") && !negative) {
                negative = true;
                continue;
            }
            String value = switch (token.kind()) {
                case WORD, QUOTED_IDENT, STRING -> searchPath ? schemaName(token.text()) : token.text();
                case NUMBER -> (negative ? "-" : "") + token.text();
                default -> null;
            };
            if (value == null) {
                return null;
            }
            values.add(value);
            negative = false;
            expectValue = false;
        }
        if (values.isEmpty() || expectValue) {
            return null;
        }
        return String.join(", ", values);
    }

    /** A search_path element: quoted unless it is a plain lower-case identifier. */
    private static String schemaName(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
