package io.mockpg.internal.record;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of a session followed the usual way (its messages decoded and observed), traced so
 * that {@link RepeatedRounds} can keep it: the client's bytes, the server's bytes up to its
 * ReadyForQuery, which existing prepared statements the round used (and at which
 * {@link ExtendedQueryState.Statement#version}), which it made, and which runs of answers of
 * the {@link Recording} its answers went to. A round that changed or removed a statement it did
 * not make, named an unknown one, or used a portal it did not bind is spoiled: a repeat of its
 * bytes might not mean the same.
 */
final class RoundTrace {
    /** The server's side of a round longer than this is not kept. */
    static final int MAX_SERVER_BYTES = 8 * 1024;

    /** An existing statement the round used, and what Describe had told of it then. */
    record Use(ExtendedQueryState.Statement statement, int version) {
    }

    final byte[] client;
    private byte[] server = new byte[256];
    private int serverLength;
    private boolean serverComplete;
    final List<Use> uses = new ArrayList<>(2);
    /** The statements the round made, by name: the last one made of each name. */
    final Map<String, ExtendedQueryState.Statement> made = new LinkedHashMap<>(2);
    private final List<ExtendedQueryState.Portal> bound = new ArrayList<>(1);
    /** The runs of answers the round's answers joined or began. */
    final List<Recording.Run> runs = new ArrayList<>(2);
    private boolean spoiled;

    RoundTrace(byte[] client) {
        this.client = client;
    }

    void used(ExtendedQueryState.Statement statement) {
        if (statement != null && !made.containsValue(statement)) {
            uses.add(new Use(statement, statement.version));
        } else if (statement == null) {
            spoil(); // an unknown name: the server answers an error that depends on what the session holds
        }
    }

    void parsed(String name, ExtendedQueryState.Statement statement) {
        made.put(name, statement);
    }

    void bound(ExtendedQueryState.Portal portal) {
        bound.add(portal);
    }

    /** Portals are not kept across rounds: a round that uses one it did not bind is not kept. */
    void usedPortal(ExtendedQueryState.Portal portal) {
        if (portal == null || !bound.contains(portal)) {
            spoil();
        }
    }

    void added(Recording.Run run) {
        runs.add(run);
    }

    void spoil() {
        spoiled = true;
    }

    /** One message from the server, header included; after the round's ReadyForQuery nothing more is kept. */
    void fromServer(ByteBuf frame) {
        if (serverComplete || spoiled) {
            return;
        }
        int length = frame.readableBytes();
        if (serverLength + length > MAX_SERVER_BYTES) {
            spoil();
            return;
        }
        if (serverLength + length > server.length) {
            server = Arrays.copyOf(server, Math.max(server.length * 2, serverLength + length));
        }
        frame.getBytes(frame.readerIndex(), server, serverLength, length);
        serverLength += length;
        serverComplete = frame.getByte(frame.readerIndex()) == 'Z';
    }

    /** Whether the round can be kept: whole, and every statement it used as it found it. */
    boolean keepable() {
        if (spoiled || !serverComplete) {
            return false;
        }
        for (Use use : uses) {
            if (use.statement.version != use.version) {
                return false;
            }
        }
        return true;
    }

    /** The server's bytes, a copy. */
    byte[] serverBytes() {
        return Arrays.copyOf(server, serverLength);
    }
}
