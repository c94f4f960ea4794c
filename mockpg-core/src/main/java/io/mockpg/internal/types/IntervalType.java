package io.mockpg.internal.types;

/** interval: PgInterval; binary int64 microseconds, int32 days, int32 months. */
final class IntervalType extends AbstractType {
    IntervalType() {
        super("interval", "interval", 1186, 1187, 16);
    }

    @Override
    public String toText(Object value) {
        return IntervalText.format((PgInterval) value);
    }

    @Override
    public byte[] toBinary(Object value) {
        PgInterval interval = (PgInterval) value;
        byte[] out = new byte[16];
        BinaryBytes.putLong(out, 0, interval.micros());
        BinaryBytes.putInt(out, 8, interval.days());
        BinaryBytes.putInt(out, 12, interval.months());
        return out;
    }

    @Override
    public Object fromText(String text) {
        try {
            return IntervalParser.parse(text);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && !(e instanceof NumberFormatException)) {
                throw e;
            }
            throw invalidInput(text);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 16);
        return new PgInterval(BinaryBytes.getInt(bytes, 12), BinaryBytes.getInt(bytes, 8),
                BinaryBytes.getLong(bytes, 0));
    }
}
