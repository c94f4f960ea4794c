package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.SessionInfo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** LISTEN/NOTIFY routing between sessions. Thread-safe. */
public final class NotificationHub {
    /** channel → (session id → session) */
    private final Map<String, Map<Integer, SessionInfo>> listeners = new ConcurrentHashMap<>();

    /** Starts delivering the channel's notifications to the session. */
    public void listen(String channel, SessionInfo session) {
        listeners.computeIfAbsent(channel, name -> new ConcurrentHashMap<>()).put(session.sessionId(), session);
    }

    /** Stops delivering the channel's notifications to the session. */
    public void unlisten(String channel, SessionInfo session) {
        Map<Integer, SessionInfo> sessions = listeners.get(channel);
        if (sessions != null) {
            sessions.remove(session.sessionId());
        }
    }

    /** Stops delivering any notification to the session (UNLISTEN *, session end). */
    public void unlistenAll(SessionInfo session) {
        listeners.values().forEach(sessions -> sessions.remove(session.sessionId()));
    }

    /** Delivers a NotificationResponse to every session listening on the channel. */
    public void notify(String channel, String payload, int senderId) {
        Map<Integer, SessionInfo> sessions = listeners.get(channel);
        if (sessions == null) {
            return;
        }
        Notification notification = new Notification(senderId, channel, payload == null ? "" : payload);
        sessions.values().forEach(session -> session.notifications().accept(notification));
    }
}
