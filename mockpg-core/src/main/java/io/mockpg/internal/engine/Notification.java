package io.mockpg.internal.engine;

/** A NotificationResponse: sender's process id, channel, payload. */
public record Notification(int senderId, String channel, String payload) {
}
