package io.mockpg.internal.session;

import io.mockpg.internal.engine.Description;

/**
 * A parsed statement (named, or the unnamed one with name ""): its text, the parameter OIDs
 * given in Parse (0 = unspecified), and its transaction verb, read once here because every
 * Bind of the statement needs it.
 */
public final class PreparedStatement {
    private final String name;
    private final String sql;
    private final int[] clientOids;
    private final TransactionVerb verb;
    private Description description;

    public PreparedStatement(String name, String sql, int[] clientOids) {
        this.name = name;
        this.sql = sql;
        this.clientOids = clientOids;
        this.verb = TransactionVerb.of(sql);
    }

    /** What the statement does to the transaction. */
    public TransactionVerb verb() {
        return verb;
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
