package io.mockpg.internal.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/** Shared parsing and epoch arithmetic of date, time, timetz, timestamp and timestamptz. */
abstract class TemporalType extends AbstractType {
    /** PostgreSQL's epoch, 2000-01-01, as days and seconds since 1970-01-01. */
    static final long PG_EPOCH_DAY = 10_957;
    static final long PG_EPOCH_SECOND = 946_684_800;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    TemporalType(String name, String sqlName, int oid, int arrayOid, int typlen) {
        super(name, sqlName, oid, arrayOid, typlen);
    }

    DateTimeParser.Parts parts(String text) {
        try {
            return DateTimeParser.parse(text);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null) {
                throw e;
            }
            throw invalidInput(text);
        }
    }

    /** "infinity", "-infinity" or "epoch" in lower case, else null. */
    static String special(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "infinity", "+infinity" -> "infinity";
            case "-infinity", "epoch" -> s;
            default -> null;
        };
    }

    static long micros(LocalDateTime value) {
        return (value.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECOND) * 1_000_000
                + value.getNano() / 1000;
    }

    static LocalDateTime localDateTime(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + PG_EPOCH_SECOND, nanos, ZoneOffset.UTC);
    }

    /** A YAML timestamp (always a UTC instant in SnakeYAML) as UTC date and time. */
    static LocalDateTime utc(Date yamlDate) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(yamlDate.getTime()), ZoneOffset.UTC);
    }
}
