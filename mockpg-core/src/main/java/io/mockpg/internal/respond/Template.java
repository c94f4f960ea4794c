package io.mockpg.internal.respond;

import java.util.ArrayList;
import java.util.List;

/**
 * A string with {@code {{…}}} references (docs/script-reference.md, "Templates"), compiled once when the rules are
 * loaded so that rendering is a walk over its parts: {@code {{$N}}}, {@code {{NAME}}} (a
 * named regex group), {@code {{row}}}, {@code {{user}}}, {@code {{database}}}; {@code {{{{}}
 * writes a literal {@code {{}. A template that is exactly one reference to a NULL value
 * renders as null (SQL NULL); inside a longer string a NULL is empty.
 */
public final class Template {
    private static final Template NULL = new Template(new Part[0], false, false);

    private final Part[] parts;
    private final boolean dynamic;
    private final boolean usesRow;

    private Template(Part[] parts, boolean dynamic, boolean usesRow) {
        this.parts = parts;
        this.dynamic = dynamic;
        this.usesRow = usesRow;
    }

    /** Whether a string needs compiling at all. */
    public static boolean isTemplate(String text) {
        return text != null && text.contains("{{");
    }

    /** Compiles a string (null compiles to a template rendering null). */
    public static Template compile(String text) {
        if (text == null) {
            return NULL;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            if (text.startsWith("{{{{", open)) {
                literal.append("{{");
                i = open + 4;
                continue;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                literal.append(text, open, text.length());
                break;
            }
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(reference(text.substring(open + 2, close).trim()));
            i = close + 2;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        boolean dynamic = parts.stream().anyMatch(part -> !(part instanceof Literal));
        boolean usesRow = parts.stream().anyMatch(part -> part instanceof RowNumber);
        return new Template(parts.toArray(new Part[0]), dynamic, usesRow);
    }

    /** Whether rendering depends on the answer (false: always the same text). */
    public boolean dynamic() {
        return dynamic;
    }

    /** Whether rendering depends on the row number. */
    public boolean usesRow() {
        return usesRow;
    }

    /** Renders with the row number 0 (for values outside rows). */
    public String render(TemplateValues values) {
        return render(values, 0);
    }

    /** The text, or null when the template is exactly one reference to a NULL value. */
    public String render(TemplateValues values, long row) {
        if (parts.length == 0) {
            return null;
        }
        if (parts.length == 1) {
            return parts[0].value(values, row);
        }
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            String value = part.value(values, row);
            if (value != null) {
                text.append(value);
            }
        }
        return text.toString();
    }

    private static Part reference(String name) {
        if (name.length() > 1 && name.charAt(0) == '$' && name.substring(1).chars().allMatch(Character::isDigit)) {
            return new Param(Integer.parseInt(name.substring(1)));
        }
        return switch (name) {
            case "row" -> new RowNumber();
            case "user" -> new User();
            case "database" -> new Database();
            default -> new Group(name);
        };
    }

    private sealed interface Part {
        String value(TemplateValues values, long row);
    }

    private record Literal(String text) implements Part {
        public String value(TemplateValues values, long row) {
            return text;
        }
    }

    private record Param(int number) implements Part {
        public String value(TemplateValues values, long row) {
            return values.param(number);
        }
    }

    private record Group(String name) implements Part {
        public String value(TemplateValues values, long row) {
            return values.group(name);
        }
    }

    private record RowNumber() implements Part {
        public String value(TemplateValues values, long row) {
            return Long.toString(row);
        }
    }

    private record User() implements Part {
        public String value(TemplateValues values, long row) {
            return values.user();
        }
    }

    private record Database() implements Part {
        public String value(TemplateValues values, long row) {
            return values.database();
        }
    }
}
