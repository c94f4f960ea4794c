package io.mockpg.internal.script.yaml;

/** The escapes of a double-quoted YAML 1.1 scalar, as SnakeYAML's scanner decodes them, for {@link YamlSubset}. */
final class Escapes {
    private Escapes() {
    }

    /**
     * Appends what the escape whose letter is at i in text stands for; returns where the escape
     * ends, or -1 for one SnakeYAML would refuse (or that ends the line) so the subset declines.
     */
    static int decode(String text, int i, StringBuilder value) {
        char c = i < text.length() ? text.charAt(i) : 0;
        String replacement = switch (c) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000b";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001b";
            case ' ' -> " ";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00a0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> null;
        };
        if (replacement != null) {
            value.append(replacement);
            return i + 1;
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : -1;
        if (digits < 0 || i + 1 + digits > text.length()) {
            return -1;
        }
        int codePoint = 0;
        for (int k = i + 1; k <= i + digits; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0 || text.charAt(k) > 'f') {
                return -1; // Character.digit also takes non-ASCII digits
            }
            codePoint = codePoint * 16 + digit;
        }
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            return -1;
        }
        value.appendCodePoint(codePoint);
        return i + 1 + digits;
    }
}
