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

    public int size() {
        return sessions.size();
    }
}
