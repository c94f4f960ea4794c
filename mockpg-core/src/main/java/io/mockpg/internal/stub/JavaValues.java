package io.mockpg.internal.stub;

import io.mockpg.internal.types.PgType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the plain Java values of a stub's rows into what a script's YAML would hold for the
 * same column, so that both go through the column type's one conversion ({@link PgType#fromYaml})
 * and a value that fits in Java fits in YAML and the other way round (docs/junit5.md lists the
 * Java types).
 *
 * <p>Scalars become their PostgreSQL text form; {@code byte[]} stays bytes; a {@code List} is
 * an array (or, like a {@code Map}, a JSON value for a json column). A String holding a
 * template ({@code {{...}}}) is kept as it is and checked when sent, as in a script.
 */
public final class JavaValues {
    private JavaValues() {
    }

    /**
     * The column type's value for a Java value.
     *
     * @throws IllegalArgumentException with a short reason when it does not fit
     */
    public static Object forColumn(Object value, PgType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && text.contains("{{")) {
            return text;
        }
        return type.fromYaml(yamlValue(value, type.name().startsWith("json")));
    }

    private static Object yamlValue(Object value, boolean json) {
        if (value == null || value instanceof byte[]) {
            return value;
        }
        if (json && (value instanceof Map || value instanceof List || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof BigInteger || value instanceof BigDecimal)) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(yamlValue(item, false));
            }
            return items;
        }
        return text(value);
    }

    /** PostgreSQL's text form of a scalar Java value (also how a stub's parameters compare). */
    public static String text(Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof Boolean
                || value instanceof UUID || value instanceof LocalDate || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : value.toString();
        }
        if (value instanceof LocalTime time) {
            return time.toString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toLocalDate() + " " + timestamp.toLocalTime();
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.toLocalDate() + " " + timestamp.toLocalTime() + offset(timestamp.getOffset());
        }
        if (value instanceof Instant instant) {
            return text(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetTime time) {
            return time.toLocalTime() + offset(time.getOffset());
        }
        if (value instanceof Duration duration) {
            return interval(duration);
        }
        if (value instanceof Period period) {
            return period.getYears() + " years " + period.getMonths() + " mons " + period.getDays() + " days";
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " is not a value mockpg can send;"
                + " give one of the Java types in docs/junit5.md or the value's PostgreSQL text form as a String");
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        String text = String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format(":%02d", abs % 60);
    }

    /** {@code [-]H:MM:SS[.ffffff]}, as PostgreSQL prints an interval of hours. */
    private static String interval(Duration duration) {
        boolean negative = duration.isNegative();
        Duration abs = duration.abs();
        long micros = abs.getNano() / 1000;
        String text = String.format("%s%d:%02d:%02d", negative ? "-" : "", abs.toHours(), abs.toMinutesPart(),
                abs.toSecondsPart());
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }
}
