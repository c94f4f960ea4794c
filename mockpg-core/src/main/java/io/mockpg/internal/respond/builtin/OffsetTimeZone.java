package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.sql.SqlToken;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE} (Sequelize sends it on every
 * connection) and {@code SET TIME ZONE -7}: a fixed offset, which PostgreSQL shows as a POSIX
 * zone, {@code <+05:30>-05:30}, {@code <-07>+07} (the sign flips: POSIX counts west of
 * Greenwich). See "SET" in PostgreSQL's documentation.
 */
final class OffsetTimeZone {
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d{1,2})(?::(\\d{2}))?");

    private OffsetTimeZone() {
    }

    /** The zone's name when the cursor is at such an offset (consuming it), else null (nothing consumed). */
    static String parse(TokenCursor cursor) {
        SqlToken first = cursor.peek();
        if (first == null) {
            return null;
        }
        if (first.is("interval") && cursor.peek(1) != null && cursor.peek(1).kind() == SqlToken.Kind.STRING
                && isHourToMinute(cursor, 2)) {
            String zone = zone(cursor.peek(1).text().trim());
            if (zone != null) {
                cursor.acceptAll("interval");
                cursor.next();
                cursor.acceptAll("hour", "to", "minute");
            }
            return zone;
        }
        boolean negative = first.isSymbol("-");
        SqlToken number = cursor.peek(negative ? 1 : 0);
        if (number == null) {
            return null;
        }
        String hours = (negative ? "-" : "") + number.text();
        if (number.kind() != SqlToken.Kind.NUMBER || !hours.matches("-?\\d{1,2}")
                || cursor.peek(negative ? 2 : 1) != null) {
            return null;
        }
        String zone = zone(hours.startsWith("-") ? hours : "+" + hours);
        while (cursor.next() != null) {
            // consumed: the offset is the whole value
        }
        return zone;
    }

    private static boolean isHourToMinute(TokenCursor cursor, int ahead) {
        SqlToken hour = cursor.peek(ahead);
        return hour != null && hour.is("hour") && cursor.peek(ahead + 1) != null && cursor.peek(ahead + 1).is("to")
                && cursor.peek(ahead + 2) != null && cursor.peek(ahead + 2).is("minute") && cursor.peek(ahead + 3) == null;
    }

    /** {@code +05:30} → {@code <+05:30>-05:30}; null when it is not an offset of at most 15 hours. */
    static String zone(String offset) {
        Matcher matcher = OFFSET.matcher(offset);
        if (!matcher.matches()) {
            return null;
        }
        int hours = Integer.parseInt(matcher.group(2));
        int minutes = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        if (hours > 15 || minutes > 59) {
            return null;
        }
        boolean west = matcher.group(1).equals("-");
        String amount = String.format("%02d", hours) + (minutes == 0 ? "" : String.format(":%02d", minutes));
        return "<" + (west ? "-" : "+") + amount + ">" + (west ? "+" : "-") + amount;
    }
}
