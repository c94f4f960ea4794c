package io.mockpg.internal.script.yaml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Never ends a read on the first half of a surrogate pair. SnakeYAML's StreamReader, when a
 * read ends on one, reads the second half into its already full 1,024-character window and
 * throws IndexOutOfBoundsException: a script with an emoji at character 1,023 crashed the
 * loader (found by fuzzing, docs/robustness.md). Holding the high surrogate back for the next
 * read keeps pairs whole.
 */
final class SurrogateSafeReader extends FilterReader {
    private int heldBack = -1;

    SurrogateSafeReader(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        if (heldBack >= 0) {
            buffer[offset] = (char) heldBack;
            heldBack = -1;
            count = 1;
        }
        if (count < length) {
            int n = in.read(buffer, offset + count, length - count);
            if (n > 0) {
                count += n;
            } else if (count == 0) {
                return n;
            }
        }
        if (count > 1 && Character.isHighSurrogate(buffer[offset + count - 1])) {
            heldBack = buffer[offset + count - 1];
            count--;
        }
        return count;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0];
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
