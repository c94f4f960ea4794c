package io.mockpg.internal.engine;

import java.util.function.IntUnaryOperator;

/**
 * The parameter types of a statement: the client's, from Parse, where it gave one (not 0),
 * else the type the server infers, as PostgreSQL completes Parse's list.
 */
public final class ParamTypes {
    private ParamTypes() {
    }

    /**
     * @param client   Parse's OIDs (0 = unspecified), or null
     * @param count    how many parameters
     * @param inferred the server's type for parameter {@code index} (0-based)
     */
    public static int[] merge(int[] client, int count, IntUnaryOperator inferred) {
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            int given = client != null && i < client.length ? client[i] : 0;
            oids[i] = given != 0 ? given : inferred.applyAsInt(i);
        }
        return oids;
    }

    /** How many parameters a statement has: its highest $n, or more when Parse declared more. */
    public static int count(int maxPlaceholder, int[] client) {
        return Math.max(maxPlaceholder, client == null ? 0 : client.length);
    }
}
