package io.mockpg.internal.session;

import io.mockpg.JournalEntry;

import java.util.List;

/**
 * A session's transaction at one moment: its status and the journal entries of the
 * transaction still open (empty when idle), e.g. to report the sessions a test left in a
 * transaction.
 */
public record OpenTransaction(TransactionStatus status, List<JournalEntry> statements) {
}
