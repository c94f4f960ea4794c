package io.mockpg.internal.types;

/**
 * Prints an interval as PostgreSQL does with IntervalStyle=postgres:
 * "1 year 2 mons 3 days 04:05:06.789", "-1 days +01:00:00", "00:00:00".
 */
final class IntervalText {
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private IntervalText() {
    }

    static String format(PgInterval interval) {
        StringBuilder out = new StringBuilder(32);
        int years = interval.months() / 12;
        int months = interval.months() % 12;
        // previous printed field was negative: a following positive one gets an explicit "+"
        boolean negativeBefore = false;
        negativeBefore = part(out, years, "year", negativeBefore);
        negativeBefore = part(out, months, "mon", negativeBefore);
        negativeBefore = part(out, interval.days(), "day", negativeBefore);
        long time = interval.micros();
        if (out.length() == 0 || time != 0) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (time < 0) {
                out.append('-');
            } else if (negativeBefore) {
                out.append('+');
            }
            long abs = Math.abs(time);
            long hours = abs / MICROS_PER_HOUR;
            if (hours < 10) {
                out.append('0');
            }
            out.append(hours).append(':');
            DateTimeText.pad(out, (int) (abs / MICROS_PER_MINUTE % 60), 2);
            out.append(':');
            DateTimeText.pad(out, (int) (abs / MICROS_PER_SECOND % 60), 2);
            DateTimeText.appendFraction(out, (int) (abs % MICROS_PER_SECOND));
        }
        return out.toString();
    }

    private static boolean part(StringBuilder out, int value, String unit, boolean negativeBefore) {
        if (value == 0) {
            return negativeBefore;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        if (negativeBefore && value > 0) {
            out.append('+');
        }
        out.append(value).append(' ').append(unit);
        if (value != 1) {
            out.append('s');
        }
        return value < 0;
    }
}
