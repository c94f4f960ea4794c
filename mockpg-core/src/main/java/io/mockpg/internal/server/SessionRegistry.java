package io.mockpg.internal.server;

import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Live sessions by process id: where CancelRequests are routed and drain is started. */
public final class SessionRegistry {
    private final ConcurrentHashMap<Integer, SessionHandler> sessions = new ConcurrentHashMap<>();
    /** Set once the server drains: no session starts, no statement outside a transaction is answered. */
    private volatile boolean draining;
    /** Connections past their startup packet: those logging in and the sessions. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger nextProcessId = new AtomicInteger(1000 + ThreadLocalRandom.current().nextInt(30000));

    public int newProcessId() {
        return nextProcessId.getAndIncrement();
    }

    /**
     * A cancel key: 4 bytes for protocol 3.0, 32 (as PostgreSQL 18 sends) for 3.2. A test
     * double's cancel keys guard nothing of value, so they come from a fast generator rather
     * than SecureRandom, whose seeding costs the first connection tens of milliseconds.
     */
    public byte[] newSecretKey(int minorVersion) {
        byte[] key = new byte[minorVersion >= 2 ? 32 : 4];
        ThreadLocalRandom.current().nextBytes(key);
        return key;
    }

    void add(SessionHandler session) {
        sessions.put(session.processId(), session);
    }

    void remove(SessionHandler session) {
        sessions.remove(session.processId(), session);
    }

    /** Cancels the running statement of the session with this id, if the key is right. */
    public void cancel(int processId, byte[] secretKey) {
        SessionHandler session = sessions.get(processId);
        if (session != null && MessageDigest.isEqual(session.secretKey(), secretKey)) {
            session.cancel();
        }
    }

    public Collection<SessionHandler> all() {
        return List.copyOf(sessions.values());
    }

    /**
     * Takes a connection slot for a client that sent its startup packet, unless {@code limit}
     * are taken (PostgreSQL counts a backend from its start, before authentication too).
     * The caller gives the slot back with {@link #releaseSlot} when the connection closes.
     */
    boolean admit(int limit) {
        while (true) {
            int taken = admitted.get();
            if (taken >= limit) {
                return false;
            }
            if (admitted.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
    }

    void releaseSlot() {
        admitted.decrementAndGet();
    }

    /** Connections holding a slot: sessions and clients still logging in. */
    public int admitted() {
        return admitted.get();
    }

    /** The server stops: from now on sessions only finish their open transactions. */
    void startDraining() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    public int size() {
        return sessions.size();
    }
}
