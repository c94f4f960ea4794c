package io.mockpg.internal.respond.builtin;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What built-in answers know of the server.
 *
 * @param version    server_version to report (e.g. "16.4")
 * @param parameters script's server.parameters overrides (also what SHOW returns)
 * @param host       bound host
 * @param port       bound port (known once listening)
 * @param hub        LISTEN/NOTIFY routing shared by all sessions
 */
public record BuiltinServer(String version, Map<String, String> parameters, String host, IntSupplier port,
                            NotificationHub hub) {
}
