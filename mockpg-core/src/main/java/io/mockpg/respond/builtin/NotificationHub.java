package io.mockpg.respond.builtin;

import io.mockpg.engine.SessionInfo;

/** LISTEN/NOTIFY routing between sessions. Thread-safe. */
public final class NotificationHub {
    public void listen(String channel, SessionInfo session) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void unlisten(String channel, SessionInfo session) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void unlistenAll(SessionInfo session) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Delivers a NotificationResponse to every session listening on the channel. */
    public void notify(String channel, String payload, int senderId) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
