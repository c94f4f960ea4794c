package io.mockpg.engine;

/** A NotificationResponse: sender's process id, channel, payload. */
public record Notification(int senderId, String channel, String payload) {
}
