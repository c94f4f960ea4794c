package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.session.TransactionStatus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session's built-in state: current settings and listened channels. Savepoints and the
 * notifications a transaction sends (PostgreSQL delivers them once it commits) belong to the
 * session's transaction.
 */
public final class BuiltinSession {
    private final SessionInfo info;
    private final SessionSettings settings;
    private final NotificationHub hub;
    private final SessionTransaction transaction;
    private final Set<String> channels = new LinkedHashSet<>();
    private long lastTransactionId = 700;

    BuiltinSession(SessionInfo info, SessionSettings settings, NotificationHub hub, SessionTransaction transaction) {
        this.info = info;
        this.settings = settings;
        this.hub = hub;
        this.transaction = transaction;
    }

    /** ParameterStatus values to report at startup, in order. */
    public Map<String, String> reportedParameters() {
        return settings.reportedValues();
    }

    /** Stops listening on every channel. */
    public void close() {
        unlistenAll();
    }

    SessionInfo info() {
        return info;
    }

    SessionSettings settings() {
        return settings;
    }

    /**
     * Called with the status before each built-in statement: once the session is idle again
     * the last transaction has ended, so its SET LOCAL values are gone.
     */
    List<ParameterChange> observeStatus(TransactionStatus transactionStatus) {
        return transactionStatus == TransactionStatus.IDLE ? settings.endTransaction() : List.of();
    }

    SessionTransaction transaction() {
        return transaction;
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

    /** Sends a notification when the transaction commits; a repeat of one already waiting is dropped. */
    void notifyChannel(String channel, String payload) {
        transaction.enlistOnce(new PendingNotification(channel, payload, hub, info.sessionId()));
    }

    long nextTransactionId() {
        return ++lastTransactionId;
    }

    /** A notification waiting for its transaction: delivered on commit, dropped on rollback. */
    private record PendingNotification(String channel, String payload, NotificationHub hub, int senderId)
            implements SessionTransaction.Work {
        @Override
        public void commit() {
            hub.notify(channel, payload, senderId);
        }
    }
}
