package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.sql.TransactionEffect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.error;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Transaction control tags per transaction status. Compared with PostgreSQL 15: the WARNING
 * texts and codes (25001 "there is already a transaction in progress", 25P01 "there is no
 * transaction in progress") and the 25P01 errors of SAVEPOINT / RELEASE SAVEPOINT /
 * ROLLBACK TO SAVEPOINT outside a block; 3B001 for an unknown savepoint.
 */
class TransactionControlTest {
    private final BuiltinFixture.Client client = new BuiltinFixture().client();

    private static void assertWarning(Answer answer, String code, String message) {
        assertEquals(1, answer.notices().size());
        assertEquals("WARNING", answer.notices().get(0).severity());
        assertEquals(code, answer.notices().get(0).code());
        assertEquals(message, answer.notices().get(0).message());
    }

    @Test
    void beginForms() {
        for (String sql : List.of("BEGIN", "begin;", "BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED",
                "BEGIN ISOLATION LEVEL REPEATABLE READ", "START TRANSACTION READ ONLY, DEFERRABLE",
                "begin isolation level serializable read only deferrable", "BEGIN WORK")) {
            Answer answer = client.runIn('I', sql);
            assertEquals("BEGIN", tag(answer), sql);
            assertEquals(List.of(), answer.notices(), sql);
        }
        assertWarning(client.runIn('T', "BEGIN"), "25001", "there is already a transaction in progress");
    }

    @Test
    void beginAppliesTransactionModes() {
        client.runIn('I', "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
        assertEquals("serializable", BuiltinFixture.single(client.run("SHOW transaction_isolation")));
        assertEquals("on", BuiltinFixture.single(client.run("SHOW transaction_read_only")));
    }

    @Test
    void commitPerStatus() {
        assertEquals("COMMIT", tag(client.runIn('T', "COMMIT")));
        assertEquals("COMMIT", tag(client.runIn('T', "END")));
        assertEquals("ROLLBACK", tag(client.runIn('E', "COMMIT")));
        Answer idle = client.runIn('I', "commit");
        assertEquals("COMMIT", tag(idle));
        assertWarning(idle, "25P01", "there is no transaction in progress");
    }

    @Test
    void rollbackPerStatus() {
        assertEquals("ROLLBACK", tag(client.runIn('T', "ROLLBACK")));
        assertEquals("ROLLBACK", tag(client.runIn('E', "ABORT")));
        Answer idle = client.runIn('I', "ROLLBACK");
        assertEquals("ROLLBACK", tag(idle));
        assertWarning(idle, "25P01", "there is no transaction in progress");
    }

    @Test
    void savepoints() {
        assertEquals("SAVEPOINT can only be used in transaction blocks",
                error(client.runIn('I', "SAVEPOINT a")).message());
        assertEquals("25P01", error(client.runIn('I', "SAVEPOINT a")).code());
        assertEquals("RELEASE SAVEPOINT can only be used in transaction blocks",
                error(client.runIn('I', "RELEASE SAVEPOINT a")).message());
        assertEquals("ROLLBACK TO SAVEPOINT can only be used in transaction blocks",
                error(client.runIn('I', "ROLLBACK TO SAVEPOINT a")).message());

        assertEquals("SAVEPOINT", tag(client.runIn('T', "SAVEPOINT PGJDBC_AUTOSAVE")));
        assertEquals("SAVEPOINT", tag(client.run("savepoint sp_2")));
        client.transaction.statementEnded(TransactionEffect.NONE, true); // a statement failed: the block is failed
        assertEquals("ROLLBACK", tag(client.run("ROLLBACK TO SAVEPOINT PGJDBC_AUTOSAVE")));
        assertEquals("3B001", error(client.run("RELEASE sp_2")).code());
        assertEquals("savepoint \"sp_2\" does not exist", error(client.run("RELEASE sp_2")).message());
        assertEquals("ROLLBACK", tag(client.run("ROLLBACK TO PGJDBC_AUTOSAVE")));
        assertEquals("RELEASE", tag(client.run("RELEASE SAVEPOINT PGJDBC_AUTOSAVE")));
        assertEquals("SAVEPOINT", tag(client.run("SAVEPOINT __asyncpg_savepoint_1__")));
        assertEquals("ROLLBACK", tag(client.run("rollback to __asyncpg_savepoint_1__")));
        client.runIn('I', "BEGIN");
        assertEquals("3B001", error(client.runIn('T', "ROLLBACK TO __asyncpg_savepoint_1__")).code());
    }

    @Test
    void preparedTransactionsAreNotBuiltIn() {
        assertNull(client.runIn('I', "COMMIT PREPARED 'x'"));
        assertNull(client.runIn('I', "ROLLBACK PREPARED 'x'"));
    }
}
