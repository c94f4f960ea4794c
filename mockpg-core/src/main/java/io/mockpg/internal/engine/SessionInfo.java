package io.mockpg.internal.engine;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What the engine knows of a session.
 *
 * @param sessionId         the session's process id (as sent in BackendKeyData)
 * @param user              startup user
 * @param database          startup database
 * @param startupParameters every StartupMessage parameter
 * @param notifications     delivers a NotificationResponse to this session (any thread)
 */
public record SessionInfo(int sessionId, String user, String database, Map<String, String> startupParameters,
                          Consumer<Notification> notifications) {
}
