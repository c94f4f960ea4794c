package io.mockpg.internal.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * The rounds of one session kept so that a round that comes again byte for byte, as a driver's
 * statements do under load, is recorded without decoding it again: a round is one read of the
 * client's ending in its only Sync or Query, and what the server sent up to its ReadyForQuery.
 * A kept round repeats when the client sends the same bytes while the session is idle, the
 * prepared statements the round used are still the ones it used, unchanged by any Describe
 * since, and the server answers the same bytes; then what the round recorded is added again and
 * the statements it made are made again. Held up to {@link #MAX_HELD_BYTES}, then started over.
 */
final class RepeatedRounds {
    /** A client's read longer than this is not kept. */
    static final int MAX_CLIENT_BYTES = 1024;
    /** Client and server bytes held for one session. */
    static final int MAX_HELD_BYTES = 256 * 1024;

    /**
     * A kept round, flat (arrays rather than lists of records): a session's thousand rounds are
     * looked up among everything else its event loop touches, and each object is a cache miss.
     */
    static final class Round {
        private final int hash;
        private final byte[] client;
        private final byte[] server;
        private final ExtendedQueryState.Statement[] used;
        private final int[] usedVersions;
        private final String[] madeNames;
        private final ExtendedQueryState.Statement[] made;
        private final int[] madeVersions;
        private final Recording.Run[] runs;

        private Round(RoundTrace trace) {
            client = trace.client;
            hash = hash(client, client.length);
            server = trace.serverBytes();
            used = new ExtendedQueryState.Statement[trace.uses.size()];
            usedVersions = new int[used.length];
            for (int i = 0; i < used.length; i++) {
                used[i] = trace.uses.get(i).statement();
                usedVersions[i] = trace.uses.get(i).version();
            }
            madeNames = trace.made.keySet().toArray(new String[0]);
            made = trace.made.values().toArray(new ExtendedQueryState.Statement[0]);
            madeVersions = new int[made.length];
            for (int i = 0; i < made.length; i++) {
                madeVersions[i] = made[i].version;
            }
            runs = trace.runs.toArray(new Recording.Run[0]);
        }

        byte[] client() {
            return client;
        }

        int serverLength() {
            return server.length;
        }

        /** The server's bytes from {@code offset}, {@code length} of them, as a view. */
        ByteBuf server(int offset, int length) {
            return Unpooled.wrappedBuffer(server, offset, length);
        }

        /** Whether the statements it used and made are as it left them: its bytes mean the same. */
        private boolean stillMeant() {
            for (int i = 0; i < used.length; i++) {
                if (!used[i].current || used[i].version != usedVersions[i]) {
                    return false;
                }
            }
            for (int i = 0; i < made.length; i++) {
                if (made[i].version != madeVersions[i]) {
                    return false;
                }
            }
            return true;
        }

        private int size() {
            return client.length + server.length;
        }
    }

    private static final int FIRST_TABLE_SIZE = 64;

    /** Open addressing, linear probing; at most half full. Null until a round is kept (most sessions keep none). */
    private Round[] table;
    private int count;
    /** Where a read's bytes are copied to be compared; null until a round is kept. */
    private byte[] probe;
    private int heldBytes;

    private static int hash(byte[] bytes, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash ^ (hash >>> 16);
    }

    /**
     * Whether a read of the client's can begin a round to keep: whole messages, only those of
     * queries and of the extended protocol's statements, portals and Sync, its only Sync or
     * Query last.
     */
    static boolean traceable(ByteBuf data) {
        int end = data.writerIndex();
        int at = data.readerIndex();
        if (end - at > MAX_CLIENT_BYTES) {
            return false;
        }
        while (at < end) {
            if (end - at < 5) {
                return false;
            }
            byte type = data.getByte(at);
            int length = data.getInt(at + 1);
            if (length < 4 || length > end - at - 1) {
                return false;
            }
            at += 1 + length;
            switch (type) {
                case 'P', 'B', 'D', 'E' -> {
                }
                case 'S', 'Q' -> {
                    return at == end;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The kept round these client bytes begin, if its statements are still the ones it used and
     * made, unchanged; else null.
     */
    Round find(ByteBuf data) {
        int length = data.readableBytes();
        if (count == 0 || length > MAX_CLIENT_BYTES) {
            return null;
        }
        data.getBytes(data.readerIndex(), probe, 0, length);
        Round round = table[slot(hash(probe, length), probe, length)];
        return round != null && round.stillMeant() ? round : null;
    }

    /** The slot of the round with these client bytes, or the empty slot where it would go. */
    private int slot(int hash, byte[] client, int length) {
        int mask = table.length - 1;
        int i = hash & mask;
        while (table[i] != null
                && !(table[i].hash == hash && Arrays.equals(table[i].client, 0, table[i].client.length, client, 0, length))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /**
     * Whether {@code length} bytes of {@code data} from {@code index} are the round's server
     * bytes from {@code offset}.
     */
    boolean serverMatches(Round round, int offset, ByteBuf data, int index, int length) {
        data.getBytes(index, probe, 0, length);
        return Arrays.equals(round.server, offset, offset + length, probe, 0, length);
    }

    /** Keeps a round followed to its end; the same client bytes kept before are replaced. */
    void keep(RoundTrace trace) {
        Round round = new Round(trace);
        if (table == null || heldBytes + round.size() > MAX_HELD_BYTES) {
            table = new Round[FIRST_TABLE_SIZE];
            probe = probe == null ? new byte[RoundTrace.MAX_SERVER_BYTES] : probe;
            count = 0;
            heldBytes = 0;
        }
        if (2 * (count + 1) > table.length) {
            Round[] old = table;
            table = new Round[old.length * 2];
            count = 0;
            for (Round kept : old) {
                if (kept != null) {
                    put(kept);
                }
            }
        }
        Round previous = put(round);
        heldBytes += round.size() - (previous == null ? 0 : previous.size());
    }

    private Round put(Round round) {
        int i = slot(round.hash, round.client, round.client.length);
        Round previous = table[i];
        table[i] = round;
        if (previous == null) {
            count++;
        }
        return previous;
    }

    /** The round came again: the statements it made are made again, its answers added again. */
    static void repeat(Round round, ExtendedQueryState statements, Recording recording) {
        for (int i = 0; i < round.made.length; i++) {
            statements.reinstate(round.madeNames[i], round.made[i]);
        }
        recording.addRepeated(round.runs);
    }
}
