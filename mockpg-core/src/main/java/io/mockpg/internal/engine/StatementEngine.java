package io.mockpg.internal.engine;

import io.mockpg.internal.script.ServerConfig;

/**
 * The statement engine behind the protocol: statement + session → answer. The protocol
 * layer knows nothing of scripts; the engine knows nothing of Netty.
 */
public interface StatementEngine {
    /** Server settings (auth, databases, TLS, version) from the loaded scripts. */
    ServerConfig serverConfig();

    /** Opens the engine's side of a new session, once startup and authentication succeeded. */
    EngineSession openSession(SessionInfo info);
}
