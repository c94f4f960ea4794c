package io.mockpg.internal.types;

import java.util.Locale;

/** Reduces a written type name to its lookup key: lower case, single spaces, no modifiers. */
final class TypeNames {
    private TypeNames() {
    }

    /** "Character  Varying(20)" becomes "character varying"; "TIMESTAMP(3) WITH TIME ZONE" too. */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int depth = 0;
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(') {
                depth++;
                continue;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                if (c != '[') {
                    out.append(' ');
                }
                space = false;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
