package io.mockpg.internal.types;

import java.time.LocalDate;
import java.util.Date;

/** date: LocalDate; binary int32 days since 2000-01-01; LocalDate.MAX/MIN are ±infinity. */
final class DateType extends TemporalType {
    DateType() {
        super("date", "date", 1082, 1182, 4);
    }

    @Override
    public String toText(Object value) {
        LocalDate date = (LocalDate) value;
        if (date.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (date.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder out = new StringBuilder(13);
        if (DateTimeText.appendDate(out, date)) {
            out.append(" BC");
        }
        return out.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        LocalDate date = (LocalDate) value;
        if (date.equals(LocalDate.MAX)) {
            return BinaryBytes.ofInt(Integer.MAX_VALUE);
        }
        if (date.equals(LocalDate.MIN)) {
            return BinaryBytes.ofInt(Integer.MIN_VALUE);
        }
        return BinaryBytes.ofInt((int) (date.toEpochDay() - PG_EPOCH_DAY));
    }

    @Override
    public Object fromText(String text) {
        String special = special(text);
        if (special != null) {
            return switch (special) {
                case "infinity" -> LocalDate.MAX;
                case "-infinity" -> LocalDate.MIN;
                default -> LocalDate.EPOCH;
            };
        }
        DateTimeParser.Parts parts = parts(text);
        if (parts.date() == null) {
            throw invalidInput(text);
        }
        return parts.date();
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 4);
        int days = BinaryBytes.getInt(bytes, 0);
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(days + PG_EPOCH_DAY);
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Date date) {
            return utc(date).toLocalDate();
        }
        if (yamlValue instanceof LocalDate date) {
            return date;
        }
        throw cannotHold(yamlValue);
    }
}
