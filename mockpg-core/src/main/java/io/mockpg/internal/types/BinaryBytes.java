package io.mockpg.internal.types;

/** Big-endian reads and writes on plain byte arrays, the byte order of every PostgreSQL send format. */
final class BinaryBytes {
    private BinaryBytes() {
    }

    static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    static void putLong(byte[] out, int at, long value) {
        putInt(out, at, (int) (value >>> 32));
        putInt(out, at + 4, (int) value);
    }

    static short getShort(byte[] in, int at) {
        return (short) (((in[at] & 0xff) << 8) | (in[at + 1] & 0xff));
    }

    static int getInt(byte[] in, int at) {
        return ((in[at] & 0xff) << 24) | ((in[at + 1] & 0xff) << 16)
                | ((in[at + 2] & 0xff) << 8) | (in[at + 3] & 0xff);
    }

    static long getLong(byte[] in, int at) {
        return ((long) getInt(in, at) << 32) | (getInt(in, at + 4) & 0xffffffffL);
    }

    static byte[] ofShort(int value) {
        byte[] out = new byte[2];
        putShort(out, 0, value);
        return out;
    }

    static byte[] ofInt(int value) {
        byte[] out = new byte[4];
        putInt(out, 0, value);
        return out;
    }

    static byte[] ofLong(long value) {
        byte[] out = new byte[8];
        putLong(out, 0, value);
        return out;
    }
}
