package io.mockpg.internal.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Reads the ISO forms clients send for date/time values: "2024-01-31", "13:45:00.123456",
 * "2024-01-31 13:45:00+02", "2024-01-31T13:45:00Z", an optional " BC". Fractions beyond
 * microseconds are rounded as PostgreSQL does.
 */
final class DateTimeParser {
    /** Parsed parts; absent parts are null. {@code carry} is 1 when rounding reached the next day. */
    record Parts(LocalDate date, LocalTime time, ZoneOffset offset, int carryDays) {
    }

    private final String text;
    private int pos;

    private DateTimeParser(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException (without a message) when the text is not of that form */
    static Parts parse(String text) {
        return new DateTimeParser(text).parts();
    }

    private Parts parts() {
        skipSpaces();
        LocalDate date = null;
        if (startsDate()) {
            date = date();
            if (pos < text.length() && (text.charAt(pos) == 'T' || text.charAt(pos) == 't')) {
                pos++;
            }
        }
        skipSpaces();
        LocalTime time = null;
        int carry = 0;
        if (pos < text.length() && isDigit(text.charAt(pos))) {
            long micros = timeMicros();
            carry = (int) (micros / 86_400_000_000L);
            time = LocalTime.ofNanoOfDay(micros % 86_400_000_000L * 1000);
        }
        skipSpaces();
        ZoneOffset offset = zone();
        skipSpaces();
        if (pos + 1 < text.length() && text.regionMatches(true, pos, "BC", 0, 2)) {
            if (date == null) {
                throw new IllegalArgumentException();
            }
            date = date.withYear(1 - date.getYear());
            pos += 2;
        } else if (pos + 1 < text.length() && text.regionMatches(true, pos, "AD", 0, 2)) {
            pos += 2;
        }
        skipSpaces();
        if (pos != text.length() || (date == null && time == null)) {
            throw new IllegalArgumentException();
        }
        return new Parts(date, time, offset, carry);
    }

    private boolean startsDate() {
        int i = pos;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i > pos && i < text.length() && text.charAt(i) == '-';
    }

    private LocalDate date() {
        int year = number(1, 7);
        expect('-');
        int month = number(1, 2);
        expect('-');
        int day = number(1, 2);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date/time field value out of range: \"" + text + "\"");
        }
    }

    /** H[H]:MM[:SS[.fraction]] as microseconds since midnight (24:00:00 allowed). */
    private long timeMicros() {
        int hour = number(1, 2);
        expect(':');
        int minute = number(2, 2);
        int second = 0;
        long micros = 0;
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            second = number(2, 2);
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                micros = fractionMicros();
            }
        }
        if (hour > 24 || minute > 59 || second > 60
                || (hour == 24 && (minute > 0 || second > 0 || micros > 0))) {
            throw new IllegalArgumentException("date/time field value out of range: \"" + text + "\"");
        }
        return ((hour * 60L + minute) * 60 + second) * 1_000_000 + micros;
    }

    private long fractionMicros() {
        long micros = 0;
        int digits = 0;
        boolean roundUp = false;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            int d = text.charAt(pos) - '0';
            if (digits < 6) {
                micros = micros * 10 + d;
            } else if (digits == 6) {
                roundUp = d >= 5;
            }
            digits++;
            pos++;
        }
        for (int i = digits; i < 6; i++) {
            micros *= 10;
        }
        return roundUp ? micros + 1 : micros;
    }

    /** "Z", "UTC", "GMT", "+HH", "+HH:MM", "+HHMM", "+HH:MM:SS"; null when absent. */
    private ZoneOffset zone() {
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == 'Z' || c == 'z') {
            pos++;
            return ZoneOffset.UTC;
        }
        if (text.regionMatches(true, pos, "UTC", 0, 3) || text.regionMatches(true, pos, "GMT", 0, 3)) {
            pos += 3;
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        pos++;
        int start = pos;
        int hours = number(1, 2);
        int minutes = 0;
        int seconds = 0;
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            minutes = number(2, 2);
            if (pos < text.length() && text.charAt(pos) == ':') {
                pos++;
                seconds = number(2, 2);
            }
        } else if (pos - start == 2 && pos + 1 < text.length() && isDigit(text.charAt(pos))) {
            minutes = number(2, 2);
        }
        int total = (hours * 60 + minutes) * 60 + seconds;
        try {
            return ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone displacement out of range: \"" + text + "\"");
        }
    }

    private int number(int minDigits, int maxDigits) {
        int start = pos;
        int value = 0;
        while (pos < text.length() && pos - start < maxDigits && isDigit(text.charAt(pos))) {
            value = value * 10 + text.charAt(pos) - '0';
            pos++;
        }
        if (pos - start < minDigits) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException();
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
