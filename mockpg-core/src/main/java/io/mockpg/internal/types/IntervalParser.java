package io.mockpg.internal.types;

import java.util.Locale;

/**
 * Reads interval input: PostgreSQL's verbose form ("1 year 2 mons -3 days 04:05:06.5",
 * "3 hours", "@ 1 day ago", a bare number of seconds) and ISO 8601 ("P1Y2M3DT4H5M6S").
 * Fractions spill down the way PostgreSQL does: months into 30-day days, days into time.
 */
final class IntervalParser {
    private static final double MICROS_PER_DAY = 86_400_000_000.0;

    private long months;
    private long days;
    private double micros;

    private IntervalParser() {
    }

    /** @throws IllegalArgumentException (without a message) when the text is not an interval */
    static PgInterval parse(String text) {
        String s = text.trim();
        IntervalParser parser = new IntervalParser();
        boolean negateAll = false;
        if (s.startsWith("P") || s.startsWith("p")) {
            parser.iso(s.substring(1));
        } else {
            negateAll = parser.verbose(s);
        }
        return parser.result(negateAll);
    }

    private PgInterval result(boolean negate) {
        long roundedMicros = Math.round(micros);
        if (negate) {
            months = -months;
            days = -days;
            roundedMicros = -roundedMicros;
        }
        if (months != (int) months || days != (int) days) {
            throw new IllegalArgumentException("interval out of range");
        }
        return new PgInterval((int) months, (int) days, roundedMicros);
    }

    /** Returns true when the text ends in "ago". */
    private boolean verbose(String s) {
        String[] tokens = s.toLowerCase(Locale.ROOT).split("\\s+");
        boolean ago = false;
        boolean any = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || token.equals("@")) {
                continue;
            }
            if (ago) {
                throw new IllegalArgumentException();
            }
            if (token.equals("ago")) {
                ago = true;
                continue;
            }
            any = true;
            if (token.indexOf(':') >= 0) {
                clock(token);
                continue;
            }
            int numberEnd = numberEnd(token);
            if (numberEnd == 0) {
                throw new IllegalArgumentException();
            }
            double value = Double.parseDouble(token.substring(0, numberEnd));
            String unit = token.substring(numberEnd);
            if (unit.isEmpty() && i + 1 < tokens.length && isUnit(tokens[i + 1])) {
                unit = tokens[++i];
            }
            add(value, unit.isEmpty() ? "second" : unit);
        }
        if (!any) {
            throw new IllegalArgumentException();
        }
        return ago;
    }

    /** [+-]H:MM[:SS[.fraction]] */
    private void clock(String token) {
        boolean negative = token.startsWith("-");
        String body = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
        String[] fields = body.split(":", -1);
        if (fields.length < 2 || fields.length > 3) {
            throw new IllegalArgumentException();
        }
        double value = Long.parseLong(digits(fields[0])) * 3_600_000_000.0
                + Long.parseLong(digits(fields[1])) * 60_000_000.0;
        if (fields.length == 3) {
            String seconds = fields[2];
            if (seconds.isEmpty() || numberEnd(seconds) != seconds.length()
                    || seconds.charAt(0) == '-' || seconds.charAt(0) == '+') {
                throw new IllegalArgumentException();
            }
            value += Double.parseDouble(seconds) * 1_000_000.0;
        }
        micros += negative ? -value : value;
    }

    private void iso(String body) {
        boolean inTime = false;
        int pos = 0;
        if (body.isEmpty()) {
            throw new IllegalArgumentException();
        }
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (c == 'T' || c == 't') {
                inTime = true;
                pos++;
                continue;
            }
            int end = pos + numberEnd(body.substring(pos));
            if (end == pos || end >= body.length()) {
                throw new IllegalArgumentException();
            }
            double value = Double.parseDouble(body.substring(pos, end));
            char designator = Character.toUpperCase(body.charAt(end));
            String unit = switch (designator) {
                case 'Y' -> inTime ? null : "year";
                case 'M' -> inTime ? "minute" : "month";
                case 'W' -> inTime ? null : "week";
                case 'D' -> inTime ? null : "day";
                case 'H' -> inTime ? "hour" : null;
                case 'S' -> inTime ? "second" : null;
                default -> null;
            };
            if (unit == null) {
                throw new IllegalArgumentException();
            }
            add(value, unit);
            pos = end + 1;
        }
    }

    private void add(double value, String unit) {
        switch (unit) {
            case "microsecond", "microseconds", "us", "usec", "usecs" -> micros += value;
            case "millisecond", "milliseconds", "ms", "msec", "msecs" -> micros += value * 1000;
            case "second", "seconds", "s", "sec", "secs" -> micros += value * 1_000_000;
            case "minute", "minutes", "m", "min", "mins" -> micros += value * 60_000_000;
            case "hour", "hours", "h", "hr", "hrs" -> micros += value * 3_600_000_000.0;
            case "day", "days", "d" -> addDays(value);
            case "week", "weeks", "w" -> addDays(value * 7);
            case "month", "months", "mon", "mons" -> addMonths(value);
            case "year", "years", "y", "yr", "yrs" -> addYears(value);
            case "decade", "decades", "dec", "decs" -> addYears(value * 10);
            case "century", "centuries", "cent", "c" -> addYears(value * 100);
            case "millennium", "millennia", "mil", "mils" -> addYears(value * 1000);
            default -> throw new IllegalArgumentException();
        }
    }

    private void addDays(double value) {
        long whole = (long) value;
        days += whole;
        micros += (value - whole) * MICROS_PER_DAY;
    }

    private void addMonths(double value) {
        long whole = (long) value;
        months += whole;
        addDays((value - whole) * 30);
    }

    /** Fractional years become whole months, rounded, as PostgreSQL does. */
    private void addYears(double value) {
        months += Math.round(value * 12);
    }

    private static boolean isUnit(String token) {
        return !token.isEmpty() && Character.isLetter(token.charAt(0)) && !token.equals("ago");
    }

    /** Length of the leading [+-]digits[.digits] of a token. */
    private static int numberEnd(String token) {
        int i = 0;
        if (i < token.length() && (token.charAt(i) == '-' || token.charAt(i) == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < token.length() && (Character.isDigit(token.charAt(i)) || token.charAt(i) == '.')) {
            i++;
        }
        return i > digitsStart ? i : 0;
    }

    private static String digits(String field) {
        if (field.isEmpty()) {
            throw new IllegalArgumentException();
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                throw new IllegalArgumentException();
            }
        }
        return field;
    }
}
