package io.mockpg.respond.builtin;

import io.mockpg.engine.Answer;
import io.mockpg.engine.Description;
import io.mockpg.engine.SessionInfo;
import io.mockpg.engine.StatementRequest;
import io.mockpg.sql.SqlStatement;

/**
 * Built-in answers (SPEC §4.4): session settings, transaction control tags, housekeeping,
 * liveness checks, server functions and the catalog queries drivers send by themselves.
 * Consulted after every script rule.
 */
public final class Builtins {
    private final BuiltinServer server;

    public Builtins(BuiltinServer server) {
        this.server = server;
    }

    /** Per-session built-in state (settings, listened channels). */
    public BuiltinSession openSession(SessionInfo info) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The built-in answer, or null when the statement is not one the server answers by itself. */
    public Answer answer(SqlStatement statement, StatementRequest request, BuiltinSession session) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Describe-statement for a built-in statement, or null when not built-in. */
    public Description describe(SqlStatement statement, int[] clientParamOids, BuiltinSession session) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
