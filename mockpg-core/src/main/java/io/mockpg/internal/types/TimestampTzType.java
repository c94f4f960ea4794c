package io.mockpg.internal.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * timestamptz: OffsetDateTime, normalized to UTC (the session TimeZone); binary int64
 * microseconds since 2000-01-01 00:00 UTC. Input without a zone is UTC.
 */
final class TimestampTzType extends TemporalType {
    /** ±infinity: UTC versions of the extreme local date-times. */
    static final OffsetDateTime INFINITY = LocalDateTime.MAX.atOffset(ZoneOffset.UTC);
    static final OffsetDateTime MINUS_INFINITY = LocalDateTime.MIN.atOffset(ZoneOffset.UTC);

    TimestampTzType() {
        super("timestamptz", "timestamp with time zone", 1184, 1185, 8);
    }

    @Override
    public String toText(Object value) {
        LocalDateTime utc = utcOf((OffsetDateTime) value);
        if (utc.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (utc.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder out = new StringBuilder(32);
        boolean bc = DateTimeText.appendDate(out, utc.toLocalDate());
        out.append(' ');
        DateTimeText.appendTime(out, utc.toLocalTime());
        out.append("+00");
        if (bc) {
            out.append(" BC");
        }
        return out.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        LocalDateTime utc = utcOf((OffsetDateTime) value);
        if (utc.equals(LocalDateTime.MAX)) {
            return BinaryBytes.ofLong(Long.MAX_VALUE);
        }
        if (utc.equals(LocalDateTime.MIN)) {
            return BinaryBytes.ofLong(Long.MIN_VALUE);
        }
        return BinaryBytes.ofLong(micros(utc));
    }

    @Override
    public Object fromText(String text) {
        String special = special(text);
        if (special != null) {
            return switch (special) {
                case "infinity" -> INFINITY;
                case "-infinity" -> MINUS_INFINITY;
                default -> LocalDate.EPOCH.atStartOfDay().atOffset(ZoneOffset.UTC);
            };
        }
        DateTimeParser.Parts parts = parts(text);
        if (parts.date() == null) {
            throw invalidInput(text);
        }
        LocalTime time = parts.time() == null ? LocalTime.MIDNIGHT : parts.time();
        LocalDateTime local = LocalDateTime.of(parts.date(), time).plusDays(parts.carryDays());
        ZoneOffset offset = parts.offset() == null ? ZoneOffset.UTC : parts.offset();
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 8);
        long micros = BinaryBytes.getLong(bytes, 0);
        if (micros == Long.MAX_VALUE) {
            return INFINITY;
        }
        if (micros == Long.MIN_VALUE) {
            return MINUS_INFINITY;
        }
        return localDateTime(micros).atOffset(ZoneOffset.UTC);
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Date date) {
            return utc(date).atOffset(ZoneOffset.UTC);
        }
        if (yamlValue instanceof OffsetDateTime timestamp) {
            return timestamp.withOffsetSameInstant(ZoneOffset.UTC);
        }
        throw cannotHold(yamlValue);
    }

    private static LocalDateTime utcOf(OffsetDateTime value) {
        if (value.getOffset().equals(ZoneOffset.UTC)) {
            return value.toLocalDateTime();
        }
        if (value.equals(OffsetDateTime.MAX)) {
            return LocalDateTime.MAX;
        }
        if (value.equals(OffsetDateTime.MIN)) {
            return LocalDateTime.MIN;
        }
        return value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
