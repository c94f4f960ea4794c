package io.mockpg.internal.types;

import java.time.LocalTime;

/** time: LocalTime; binary int64 microseconds since midnight. A zone in the input is ignored. */
final class TimeType extends TemporalType {
    TimeType() {
        super("time", "time without time zone", 1083, 1183, 8);
    }

    @Override
    public String toText(Object value) {
        StringBuilder out = new StringBuilder(15);
        DateTimeText.appendTime(out, (LocalTime) value);
        return out.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        return BinaryBytes.ofLong(((LocalTime) value).toNanoOfDay() / 1000);
    }

    @Override
    public Object fromText(String text) {
        DateTimeParser.Parts parts = parts(text);
        if (parts.time() == null) {
            throw invalidInput(text);
        }
        if (parts.carryDays() != 0) {
            throw new IllegalArgumentException("24:00:00 is not supported for time");
        }
        return parts.time();
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 8);
        long micros = BinaryBytes.getLong(bytes, 0);
        if (micros < 0 || micros >= MICROS_PER_DAY) {
            throw badBinary("time out of range");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }
}
