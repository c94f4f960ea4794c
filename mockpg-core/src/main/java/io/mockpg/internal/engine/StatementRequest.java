package io.mockpg.internal.engine;

import java.util.List;

/**
 * One statement to answer.
 *
 * @param sql               one statement's text as received (simple protocol: one statement of the string, trimmed)
 * @param params            bind parameters in text form ($1 first; null = SQL NULL); empty for the simple protocol
 * @param paramOids         the statement's parameter type OIDs (after inference), same length as params
 * @param extended          true for the extended protocol
 * @param transactionStatus 'I' idle, 'T' in a transaction block, 'E' in a failed block (as in ReadyForQuery)
 */
public record StatementRequest(String sql, List<String> params, int[] paramOids, boolean extended,
                               char transactionStatus) {
}
