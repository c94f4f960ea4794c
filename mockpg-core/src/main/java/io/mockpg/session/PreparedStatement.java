package io.mockpg.session;

import io.mockpg.engine.Description;

/**
 * A parsed statement (named or the unnamed one).
 *
 * @param name      "" for the unnamed statement
 * @param sql       its text
 * @param clientOids parameter OIDs given in Parse (0 = unspecified)
 */
public final class PreparedStatement {
    private final String name;
    private final String sql;
    private final int[] clientOids;
    private Description description;

    public PreparedStatement(String name, String sql, int[] clientOids) {
        this.name = name;
        this.sql = sql;
        this.clientOids = clientOids;
    }

    public String name() {
        return name;
    }

    public String sql() {
        return sql;
    }

    public int[] clientOids() {
        return clientOids;
    }

    /** The engine's description, computed once when first needed. */
    public Description description() {
        return description;
    }

    public void describedAs(Description description) {
        this.description = description;
    }
}
