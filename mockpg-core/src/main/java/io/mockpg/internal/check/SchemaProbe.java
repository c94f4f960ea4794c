package io.mockpg.internal.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks a real PostgreSQL what it makes of statements without running them: for each, whether
 * it parses there and, if so, its parameter types and the columns it returns. One probe is one
 * upstream session; {@link #close()} ends it, undoing whatever it did.
 */
public interface SchemaProbe extends AutoCloseable {

    /**
     * The database's view of each statement, in order (one answer per statement).
     *
     * @throws java.io.UncheckedIOException when the session breaks: no answer is then trusted
     */
    List<StatementShape> describe(List<ProbeStatement> statements);

    /**
     * The database's names (as {@code format_type} gives them) of these type OIDs, in one round
     * trip when there are any; none for an empty set.
     */
    Map<Integer, String> typeNames(Set<Integer> oids);

    /** How many round trips to the database the probe has made so far, after the login. */
    int roundTrips();

    @Override
    void close();

    /**
     * One statement to describe.
     *
     * @param sql        the statement with its {@code $n} placeholders
     * @param paramOids  the parameter types the client states in Parse (0 = let the server infer)
     */
    record ProbeStatement(String sql, int[] paramOids) {
    }
}
