package io.mockpg.respond.builtin;

import java.util.Map;

/** One session's built-in state: current settings and listened channels. */
public final class BuiltinSession {
    BuiltinSession() {
    }

    /** ParameterStatus values to report at startup, in order. */
    public Map<String, String> reportedParameters() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Stops listening on every channel. */
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
