package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.SessionInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session's built-in state: current settings, open savepoints, listened channels and the
 * notifications its transaction has sent, which PostgreSQL delivers only once it commits.
 */
public final class BuiltinSession {
    private final SessionInfo info;
    private final SessionSettings settings;
    private final NotificationHub hub;
    private final Set<String> channels = new LinkedHashSet<>();
    private final List<String> savepoints = new ArrayList<>();
    /** For each open savepoint, how many notifications were pending when it was set. */
    private final List<Integer> pendingAtSavepoint = new ArrayList<>();
    private final List<PendingNotification> pending = new ArrayList<>();
    private long lastTransactionId = 700;

    BuiltinSession(SessionInfo info, SessionSettings settings, NotificationHub hub) {
        this.info = info;
        this.settings = settings;
        this.hub = hub;
    }

    /** ParameterStatus values to report at startup, in order. */
    public Map<String, String> reportedParameters() {
        return settings.reportedValues();
    }

    /** Stops listening on every channel. */
    public void close() {
        pending.clear();
        unlistenAll();
    }

    /**
     * The transaction ended: a commit delivers its notifications in the order they were sent,
     * a rollback drops them.
     */
    public void transactionEnded(boolean committed) {
        if (committed) {
            pending.forEach(notification -> hub.notify(notification.channel(), notification.payload(),
                    info.sessionId()));
        }
        pending.clear();
    }

    SessionInfo info() {
        return info;
    }

    SessionSettings settings() {
        return settings;
    }

    /**
     * Called with the status before each built-in statement: once the session is idle again
     * the last transaction has ended, so its savepoints and SET LOCAL values are gone.
     */
    List<ParameterChange> observeStatus(char transactionStatus) {
        if (transactionStatus != 'I') {
            return List.of();
        }
        savepoints.clear();
        pendingAtSavepoint.clear();
        return settings.endTransaction();
    }

    /** The current role (SET ROLE, else the session authorization). */
    String currentUser() {
        String role = settings.get("role");
        return role == null || role.equals("none") ? sessionUser() : role;
    }

    String sessionUser() {
        String user = settings.get("session_authorization");
        return user == null ? info.user() : user;
    }

    void listen(String channel) {
        if (channels.add(channel)) {
            hub.listen(channel, info);
        }
    }

    void unlisten(String channel) {
        if (channels.remove(channel)) {
            hub.unlisten(channel, info);
        }
    }

    void unlistenAll() {
        channels.clear();
        hub.unlistenAll(info);
    }

    /** Queues a notification until the transaction commits; a repeat of one already queued is dropped. */
    void notifyChannel(String channel, String payload) {
        PendingNotification notification = new PendingNotification(channel, payload);
        if (!pending.contains(notification)) {
            pending.add(notification);
        }
    }

    void addSavepoint(String name) {
        savepoints.add(name);
        pendingAtSavepoint.add(pending.size());
    }

    /** Forgets the savepoints after {@code name} (and {@code name} itself when releasing); false if unknown. */
    boolean unwindTo(String name, boolean release) {
        int at = savepoints.lastIndexOf(name);
        if (at < 0) {
            return false;
        }
        if (!release) {
            // notifications sent since the savepoint are rolled back with it
            pending.subList(pendingAtSavepoint.get(at), pending.size()).clear();
        }
        int keep = release ? at : at + 1;
        savepoints.subList(keep, savepoints.size()).clear();
        pendingAtSavepoint.subList(keep, pendingAtSavepoint.size()).clear();
        return true;
    }

    long nextTransactionId() {
        return ++lastTransactionId;
    }

    private record PendingNotification(String channel, String payload) {
    }
}
