package io.mockpg.internal.server;

import io.mockpg.internal.engine.Description;

/**
 * A parsed statement (named, or the unnamed one with name ""): its text, the parameter OIDs
 * given in Parse (0 = unspecified), and the engine's description once one was needed.
 */
final class PreparedStatement {
    private final String sql;
    private final int[] clientOids;
    private Description description;

    PreparedStatement(String sql, int[] clientOids) {
        this.sql = sql;
        this.clientOids = clientOids;
    }

    String sql() {
        return sql;
    }

    int[] clientOids() {
        return clientOids;
    }

    /** The engine's description, asked once when first needed. */
    Description description(GuardedEngine engine) {
        if (description == null) {
            description = engine.describe(sql, clientOids);
        }
        return description;
    }
}
