package io.mockpg.internal.types;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * timetz: OffsetTime; binary int64 microseconds since midnight then int32 zone offset in
 * seconds west of UTC (the negated ISO offset). Input without a zone is in UTC.
 */
final class TimeTzType extends TemporalType {
    TimeTzType() {
        super("timetz", "time with time zone", 1266, 1270, 12);
    }

    @Override
    public String toText(Object value) {
        OffsetTime time = (OffsetTime) value;
        StringBuilder out = new StringBuilder(21);
        DateTimeText.appendTime(out, time.toLocalTime());
        DateTimeText.appendOffset(out, time.getOffset().getTotalSeconds());
        return out.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        OffsetTime time = (OffsetTime) value;
        byte[] out = new byte[12];
        BinaryBytes.putLong(out, 0, time.toLocalTime().toNanoOfDay() / 1000);
        BinaryBytes.putInt(out, 8, -time.getOffset().getTotalSeconds());
        return out;
    }

    @Override
    public Object fromText(String text) {
        DateTimeParser.Parts parts = parts(text);
        if (parts.time() == null) {
            throw invalidInput(text);
        }
        if (parts.carryDays() != 0) {
            throw new IllegalArgumentException("24:00:00 is not supported for timetz");
        }
        return OffsetTime.of(parts.time(), parts.offset() == null ? ZoneOffset.UTC : parts.offset());
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 12);
        long micros = BinaryBytes.getLong(bytes, 0);
        if (micros < 0 || micros >= MICROS_PER_DAY) {
            throw badBinary("time out of range");
        }
        int west = BinaryBytes.getInt(bytes, 8);
        return OffsetTime.of(LocalTime.ofNanoOfDay(micros * 1000), ZoneOffset.ofTotalSeconds(-west));
    }
}
