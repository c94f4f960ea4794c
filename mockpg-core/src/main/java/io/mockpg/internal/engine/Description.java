package io.mockpg.internal.engine;

import java.util.List;

/**
 * Answer to Describe-statement.
 *
 * @param paramOids one OID per parameter up to the highest $n, never 0
 * @param columns   result columns, or null for NoData
 */
public record Description(int[] paramOids, List<ResultColumn> columns) {
}
