package io.mockpg.internal.types;

/**
 * inet: held as its canonical text ("192.168.0.1", "10.0.0.0/8", "::1"). Binary: family
 * (2 = IPv4, 3 = IPv6), netmask bits, is_cidr 0, address length, address bytes.
 */
final class InetType extends AbstractType {
    private static final byte FAMILY_V4 = 2;
    private static final byte FAMILY_V6 = 3;

    InetType() {
        super("inet", "inet", 869, 1041, -1);
    }

    @Override
    public String toText(Object value) {
        return value.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        InetAddressText.Inet inet = parse(value.toString());
        byte[] address = inet.address();
        byte[] out = new byte[4 + address.length];
        out[0] = inet.isV6() ? FAMILY_V6 : FAMILY_V4;
        out[1] = (byte) inet.bits();
        out[2] = 0;
        out[3] = (byte) address.length;
        System.arraycopy(address, 0, out, 4, address.length);
        return out;
    }

    /** Returns the canonical text, e.g. "::1" for "0:0:0:0:0:0:0:1/128". */
    @Override
    public Object fromText(String text) {
        return InetAddressText.format(parse(text));
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        if (bytes.length < 4) {
            throw badBinary("too short");
        }
        int length = bytes[3] & 0xff;
        boolean familyFits = bytes[0] == FAMILY_V4 && length == 4 || bytes[0] == FAMILY_V6 && length == 16;
        if (!familyFits || bytes.length != 4 + length || (bytes[1] & 0xff) > length * 8) {
            throw badBinary("bad family, length or bits");
        }
        byte[] address = java.util.Arrays.copyOfRange(bytes, 4, bytes.length);
        return InetAddressText.format(new InetAddressText.Inet(address, bytes[1] & 0xff));
    }

    private InetAddressText.Inet parse(String text) {
        try {
            return InetAddressText.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalidInput(text);
        }
    }
}
