package io.mockpg.internal.session;

import static io.mockpg.internal.session.TransactionStatus.FAILED;
import static io.mockpg.internal.session.TransactionStatus.IDLE;
import static io.mockpg.internal.session.TransactionStatus.IN_BLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.JournalEntry;
import io.mockpg.internal.journal.JournalRecord;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.TransactionEffect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status, savepoints with their undo marks, and journal outcomes: one object, driven as the protocol layer drives it. */
class SessionTransactionTest {
    private final SessionTransaction transaction = new SessionTransaction();
    private final List<String> settled = new ArrayList<>();
    private final List<JournalRecord> opened = new ArrayList<>();

    private static TransactionEffect effect(String sql) {
        return SqlStatement.parse(sql).transactionEffect();
    }

    /** A statement answered without error: journaled, then its end applied. */
    private boolean ok(String sql) {
        recorded(sql);
        return transaction.statementEnded(effect(sql), false);
    }

    private void failed(String sql) {
        recorded(sql);
        transaction.statementEnded(effect(sql), true);
    }

    private void recorded(String sql) {
        JournalRecord record = new JournalRecord(new JournalRecord.Origin(1, "app", "shop"), false, sql, List.of(),
                "builtin", Instant.EPOCH, null);
        opened.add(record);
        transaction.recorded(record);
    }

    private SessionTransaction.Work work(String name) {
        return new SessionTransaction.Work() {
            @Override
            public void commit() {
                settled.add("commit " + name);
            }

            @Override
            public void rollback() {
                settled.add("undo " + name);
            }
        };
    }

    private List<String> openSql() {
        return transaction.snapshot().statements().stream().map(JournalEntry::sql).toList();
    }

    @Test
    void recognizesEachTransactionCommandOnceFromTheStatement() {
        assertEquals(TransactionEffect.BEGIN, effect("begin isolation level serializable"));
        assertEquals(TransactionEffect.BEGIN, effect("START TRANSACTION"));
        assertEquals(TransactionEffect.NONE, effect("START something"));
        assertEquals(TransactionEffect.COMMIT, effect("END WORK"));
        assertEquals(TransactionEffect.NONE, effect("COMMIT PREPARED 'x'"));
        assertEquals(TransactionEffect.ROLLBACK, effect("/* c */ abort"));
        assertEquals(TransactionEffect.NONE, effect("ROLLBACK PREPARED 'x'"));
        assertEquals(new TransactionEffect(TransactionEffect.Kind.ROLLBACK_TO, "a"),
                effect("ROLLBACK WORK TO SAVEPOINT A"));
        assertEquals(new TransactionEffect(TransactionEffect.Kind.ROLLBACK_TO, "Mixed"), effect("rollback to \"Mixed\""));
        assertEquals(new TransactionEffect(TransactionEffect.Kind.SAVEPOINT, "sp_1"), effect("SAVEPOINT sp_1;"));
        assertEquals(new TransactionEffect(TransactionEffect.Kind.RELEASE, "b"), effect("RELEASE SAVEPOINT b"));
        assertEquals(new TransactionEffect(TransactionEffect.Kind.RELEASE, "b"), effect("release b"));
        assertEquals(TransactionEffect.NONE, effect("SAVEPOINT"));
        assertEquals(TransactionEffect.NONE, effect("SELECT 1"));
    }

    @Test
    void aBlockCommitsItsStatementsAndWork() {
        ok("BEGIN");
        assertEquals(IN_BLOCK, transaction.status());
        transaction.enlist(work("move"));
        ok("INSERT INTO t VALUES (1)");
        assertEquals(List.of("BEGIN", "INSERT INTO t VALUES (1)"), openSql());
        List<JournalRecord> open = List.copyOf(opened);
        ok("COMMIT");
        assertEquals(IDLE, transaction.status());
        assertEquals(new OpenTransaction(IDLE, List.of()), transaction.snapshot());
        assertEquals(List.of("committed", "committed"), open.stream().map(r -> r.entry().outcome()).toList());
        assertEquals(List.of("commit move"), settled);
    }

    @Test
    void aFailureFailsTheBlockAndOnlyItsEndIsAllowed() {
        ok("BEGIN");
        failed("SELECT boom()");
        assertEquals(FAILED, transaction.status());
        assertTrue(transaction.refuses(effect("SELECT 1")));
        assertFalse(transaction.refuses(effect("ROLLBACK")));
        assertFalse(transaction.refuses(effect("ROLLBACK TO a")));
        List<JournalRecord> open = List.copyOf(opened);
        ok("COMMIT"); // answered ROLLBACK: the failed block ends rolled back
        assertEquals(IDLE, transaction.status());
        assertEquals(List.of("rolled_back", "rolled_back"), open.stream().map(r -> r.entry().outcome()).toList());
    }

    @Test
    void aFailedCommitEndsTheBlockRolledBack() {
        ok("BEGIN");
        transaction.enlist(work("move"));
        failed("COMMIT");
        assertEquals(IDLE, transaction.status());
        assertEquals(List.of("undo move"), settled);
    }

    @Test
    void rollbackToASavepointUndoesOnlyTheWorkSinceItNewestFirst() {
        ok("BEGIN");
        transaction.enlist(work("one"));
        ok("SAVEPOINT a");
        transaction.enlist(work("two"));
        ok("SAVEPOINT b");
        transaction.enlist(work("three"));
        failed("SELECT boom()");
        assertTrue(ok("ROLLBACK TO a"));
        assertEquals(IN_BLOCK, transaction.status());
        assertEquals(List.of("undo three", "undo two"), settled);
        assertTrue(transaction.hasSavepoint("a"));
        assertFalse(transaction.hasSavepoint("b"));
        assertFalse(ok("RELEASE b"));
        assertEquals(FAILED, transaction.status());
        assertTrue(ok("ROLLBACK TO a"));
        assertTrue(ok("RELEASE a"));
        assertFalse(transaction.hasSavepoint("a"));
        ok("ROLLBACK");
        assertEquals(List.of("undo three", "undo two", "undo one"), settled);
    }

    @Test
    void statementsOutsideABlockShareTheImplicitTransactionOfTheirBatch() {
        ok("INSERT INTO t VALUES (1)");
        assertEquals(IDLE, transaction.status());
        transaction.enlist(work("notify"));
        assertEquals(List.of("INSERT INTO t VALUES (1)"), openSql());
        transaction.endOfBatch();
        assertEquals(List.of("commit notify"), settled);
        assertEquals(List.of(), openSql());
        transaction.enlist(work("move"));
        failed("SELECT boom()");
        assertEquals(List.of("commit notify", "undo move"), settled);
    }

    @Test
    void aRepeatedItemIsEnlistedOnceAndAnAbandonedTransactionRollsBack() {
        SessionTransaction.Work same = work("n");
        ok("BEGIN");
        transaction.enlistOnce(same);
        transaction.enlistOnce(same);
        transaction.abandon();
        assertEquals(List.of("undo n"), settled);
        assertEquals(IDLE, transaction.status());
    }
}
