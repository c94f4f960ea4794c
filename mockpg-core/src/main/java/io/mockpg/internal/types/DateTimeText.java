package io.mockpg.internal.types;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Appends dates, times and zone offsets the way PostgreSQL prints them with DateStyle=ISO:
 * "2024-01-31", "13:45:00.5" (fraction trimmed), "+02", "+05:30", years before 1 as "0001 ... BC".
 */
final class DateTimeText {
    private DateTimeText() {
    }

    /** Appends the date; returns true when the value is BC and " BC" must follow the whole value. */
    static boolean appendDate(StringBuilder out, LocalDate date) {
        int year = date.getYear();
        boolean bc = year <= 0;
        int shown = bc ? 1 - year : year;
        if (shown < 1000) {
            pad(out, shown, 4);
        } else {
            out.append(shown);
        }
        out.append('-');
        pad(out, date.getMonthValue(), 2);
        out.append('-');
        pad(out, date.getDayOfMonth(), 2);
        return bc;
    }

    static void appendTime(StringBuilder out, LocalTime time) {
        pad(out, time.getHour(), 2);
        out.append(':');
        pad(out, time.getMinute(), 2);
        out.append(':');
        pad(out, time.getSecond(), 2);
        appendFraction(out, time.getNano() / 1000);
    }

    /** Appends ".123" for 123000 µs; nothing for 0. Trailing zeros are trimmed. */
    static void appendFraction(StringBuilder out, int micros) {
        if (micros == 0) {
            return;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        out.append('.');
        pad(out, micros, digits);
    }

    /** "+02", "-05:30", "+05:30:15": hours always, minutes and seconds only when present. */
    static void appendOffset(StringBuilder out, int offsetSeconds) {
        out.append(offsetSeconds < 0 ? '-' : '+');
        int abs = Math.abs(offsetSeconds);
        pad(out, abs / 3600, 2);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) {
            out.append(':');
            pad(out, minutes, 2);
            if (seconds != 0) {
                out.append(':');
                pad(out, seconds, 2);
            }
        }
    }

    static void pad(StringBuilder out, int value, int width) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4
                : value < 100000 ? 5 : 6;
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        out.append(value);
    }
}
