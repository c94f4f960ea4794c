package io.mockpg.internal.types;

/**
 * The type modifier (typmod) of a column written with one, such as {@code numeric(10,2)},
 * {@code varchar(20)} or {@code timestamptz(3)}, encoded as PostgreSQL reports it in
 * RowDescription (its {@code atttypmod}: length + 4 for character types, ((precision &lt;&lt; 16) |
 * scale) + 4 for numeric, the precision for times), and back. An array column carries its
 * element's modifier. -1 means none.
 */
public final class TypeModifiers {
    /** PostgreSQL's VARHDRSZ, added to character lengths and numeric precisions. */
    private static final int HEADER = 4;

    private TypeModifiers() {
    }

    /** The typmod a written type name asks for ({@code numeric(10,2)[]}: that of numeric(10,2)); -1 for none. */
    public static int of(String written, PgType type) {
        int open = written.indexOf('(');
        int close = written.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return -1;
        }
        String[] numbers = written.substring(open + 1, close).split(",");
        try {
            int first = Integer.parseInt(numbers[0].trim());
            int second = numbers.length > 1 ? Integer.parseInt(numbers[1].trim()) : 0;
            PgType base = element(type);
            if (base == PgTypes.NUMERIC) {
                return numbers.length <= 2 && first > 0 ? ((first << 16) | (second & 0xffff)) + HEADER : -1;
            } else if (base == PgTypes.VARCHAR || base == PgTypes.BPCHAR) {
                return numbers.length == 1 && first > 0 ? first + HEADER : -1;
            } else if (isTime(base)) {
                return numbers.length == 1 && first >= 0 && first <= 6 ? first : -1;
            }
            return -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The name to write for a column of {@code type} with {@code typmod}, which {@link #of} reads
     * back to the same typmod; the plain name when the modifier is none or one this class does not know.
     */
    public static String written(PgType type, int typmod) {
        String name = type.name();
        PgType base = element(type);
        String modifier = null;
        if (typmod < 0) {
            modifier = null;
        } else if (base == PgTypes.NUMERIC && typmod >= HEADER) {
            modifier = "(" + ((typmod - HEADER) >>> 16) + "," + ((typmod - HEADER) & 0xffff) + ")";
        } else if ((base == PgTypes.VARCHAR || base == PgTypes.BPCHAR) && typmod > HEADER) {
            modifier = "(" + (typmod - HEADER) + ")";
        } else if (isTime(base) && typmod <= 6) {
            modifier = "(" + typmod + ")";
        }
        if (modifier == null) {
            return name;
        }
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) + modifier + "[]" : name + modifier;
    }

    private static boolean isTime(PgType type) {
        return type == PgTypes.TIME || type == PgTypes.TIMETZ || type == PgTypes.TIMESTAMP || type == PgTypes.TIMESTAMPTZ;
    }

    private static PgType element(PgType type) {
        return type.elementType() != null ? type.elementType() : type;
    }
}
