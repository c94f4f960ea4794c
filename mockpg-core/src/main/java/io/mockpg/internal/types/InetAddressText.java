package io.mockpg.internal.types;

/**
 * Parses and prints inet values without any name lookup: IPv4 dotted quads and IPv6 in any
 * RFC 4291 form, with an optional "/bits". Printing follows PostgreSQL: the longest run of two
 * or more zero groups becomes "::", IPv4-mapped and -compatible addresses end in a dotted quad,
 * and "/bits" is left out when it covers the whole address.
 */
final class InetAddressText {
    /** An address: 4 or 16 bytes and a netmask length. */
    record Inet(byte[] address, int bits) {
        boolean isV6() {
            return address.length == 16;
        }
    }

    private InetAddressText() {
    }

    /** @throws IllegalArgumentException (without a message) when the text is not an address */
    static Inet parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] address = host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
        int max = address.length * 8;
        int bits = max;
        if (slash >= 0) {
            bits = decimal(s.substring(slash + 1), max);
        }
        return new Inet(address, bits);
    }

    static String format(Inet inet) {
        StringBuilder out = new StringBuilder(inet.isV6() ? 40 : 18);
        if (inet.isV6()) {
            appendV6(out, inet.address());
        } else {
            appendV4(out, inet.address(), 0);
        }
        if (inet.bits() != inet.address().length * 8) {
            out.append('/').append(inet.bits());
        }
        return out.toString();
    }

    private static byte[] ipv4(String host) {
        byte[] out = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                if (part == 4) {
                    throw new IllegalArgumentException();
                }
                out[part++] = (byte) decimal(host.substring(start, i), 255);
                start = i + 1;
            }
        }
        if (part != 4) {
            throw new IllegalArgumentException();
        }
        return out;
    }

    private static byte[] ipv6(String host) {
        int gap = host.indexOf("::");
        if (gap >= 0 && host.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException();
        }
        int[] head = groups(gap < 0 ? host : host.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(host.substring(gap + 2));
        int total = head.length + tail.length;
        if (total > 8 || (gap < 0 && total != 8) || (gap >= 0 && total == 8)) {
            throw new IllegalArgumentException();
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            BinaryBytes.putShort(out, 2 * i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            BinaryBytes.putShort(out, 2 * (8 - tail.length + i), tail[i]);
        }
        return out;
    }

    /** Colon-separated hex groups; a trailing dotted quad counts as two groups. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] fields = part.split(":", -1);
        boolean quad = fields[fields.length - 1].indexOf('.') >= 0;
        int[] out = new int[fields.length + (quad ? 1 : 0)];
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (quad && i == fields.length - 1) {
                byte[] v4 = ipv4(field);
                out[i] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                out[i + 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
            } else {
                if (field.isEmpty() || field.length() > 4) {
                    throw new IllegalArgumentException();
                }
                int value = 0;
                for (int k = 0; k < field.length(); k++) {
                    int digit = Character.digit(field.charAt(k), 16);
                    if (digit < 0) {
                        throw new IllegalArgumentException();
                    }
                    value = value << 4 | digit;
                }
                out[i] = value;
            }
        }
        return out;
    }

    private static int decimal(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3) {
            throw new IllegalArgumentException();
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException();
            }
            value = value * 10 + c - '0';
        }
        if (value > max) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static void appendV4(StringBuilder out, byte[] address, int from) {
        for (int i = from; i < from + 4; i++) {
            if (i > from) {
                out.append('.');
            }
            out.append(address[i] & 0xff);
        }
    }

    private static void appendV6(StringBuilder out, byte[] address) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = BinaryBytes.getShort(address, 2 * i) & 0xffff;
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLen) {
                bestBase = start;
                bestLen = i - start;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                appendV4(out, address, 12);
                return;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
    }
}
