package io.mockpg.internal.engine;

import io.mockpg.internal.session.TransactionStatus;

import java.util.List;

/**
 * One statement to answer.
 *
 * @param sql               one statement's text as received (simple protocol: one statement of the string, trimmed)
 * @param params            bind parameters in text form ($1 first; null = SQL NULL); empty for the simple protocol
 * @param paramOids         the statement's parameter type OIDs (after inference), same length as params
 * @param extended          true for the extended protocol
 * @param transactionStatus the session's transaction status when the statement arrives
 */
public record StatementRequest(String sql, List<String> params, int[] paramOids, boolean extended,
                               TransactionStatus transactionStatus) {
}
