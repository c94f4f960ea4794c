package io.mockpg.internal.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

/**
 * timestamp: LocalDateTime; binary int64 microseconds since 2000-01-01 00:00. A zone in the
 * input is ignored, as PostgreSQL does. LocalDateTime.MAX/MIN are ±infinity.
 */
final class TimestampType extends TemporalType {
    TimestampType() {
        super("timestamp", "timestamp without time zone", 1114, 1115, 8);
    }

    @Override
    public String toText(Object value) {
        LocalDateTime timestamp = (LocalDateTime) value;
        if (timestamp.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (timestamp.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder out = new StringBuilder(29);
        boolean bc = DateTimeText.appendDate(out, timestamp.toLocalDate());
        out.append(' ');
        DateTimeText.appendTime(out, timestamp.toLocalTime());
        if (bc) {
            out.append(" BC");
        }
        return out.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        LocalDateTime timestamp = (LocalDateTime) value;
        if (timestamp.equals(LocalDateTime.MAX)) {
            return BinaryBytes.ofLong(Long.MAX_VALUE);
        }
        if (timestamp.equals(LocalDateTime.MIN)) {
            return BinaryBytes.ofLong(Long.MIN_VALUE);
        }
        return BinaryBytes.ofLong(micros(timestamp));
    }

    @Override
    public Object fromText(String text) {
        String special = special(text);
        if (special != null) {
            return switch (special) {
                case "infinity" -> LocalDateTime.MAX;
                case "-infinity" -> LocalDateTime.MIN;
                default -> LocalDate.EPOCH.atStartOfDay();
            };
        }
        DateTimeParser.Parts parts = parts(text);
        return localDateTime(parts, text);
    }

    LocalDateTime localDateTime(DateTimeParser.Parts parts, String text) {
        if (parts.date() == null) {
            throw invalidInput(text);
        }
        LocalTime time = parts.time() == null ? LocalTime.MIDNIGHT : parts.time();
        return LocalDateTime.of(parts.date(), time).plusDays(parts.carryDays());
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 8);
        long micros = BinaryBytes.getLong(bytes, 0);
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return localDateTime(micros);
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Date date) {
            return utc(date);
        }
        if (yamlValue instanceof LocalDateTime timestamp) {
            return timestamp;
        }
        throw cannotHold(yamlValue);
    }
}
