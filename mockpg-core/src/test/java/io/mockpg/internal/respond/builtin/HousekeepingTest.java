package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.error;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.single;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * DISCARD, DEALLOCATE, CLOSE, LISTEN/UNLISTEN/NOTIFY, pg_notify and empty statements.
 * Compared with PostgreSQL 15: the tags (DISCARD TEMP, CLOSE CURSOR ALL, DEALLOCATE ALL, ...)
 * pg_notify's void column and 25001 "DISCARD ALL cannot run inside a transaction block".
 */
class HousekeepingTest {
    private final BuiltinFixture server = new BuiltinFixture();
    private final BuiltinFixture.Client client = server.client();

    @Test
    void housekeepingTags() {
        Map<String, String> expected = Map.ofEntries(Map.entry("DISCARD ALL", "DISCARD ALL"),
                Map.entry("discard plans", "DISCARD PLANS"), Map.entry("DISCARD SEQUENCES", "DISCARD SEQUENCES"),
                Map.entry("DISCARD TEMP", "DISCARD TEMP"), Map.entry("DISCARD TEMPORARY", "DISCARD TEMP"),
                Map.entry("DEALLOCATE ALL", "DEALLOCATE ALL"), Map.entry("DEALLOCATE PREPARE ALL", "DEALLOCATE ALL"),
                Map.entry("DEALLOCATE _pg3_0", "DEALLOCATE"), Map.entry("deallocate prepare \"S_1\"", "DEALLOCATE"),
                Map.entry("CLOSE ALL", "CLOSE CURSOR ALL"), Map.entry("close c_1", "CLOSE CURSOR"),
                Map.entry("UNLISTEN *", "UNLISTEN"), Map.entry("SELECT pg_advisory_unlock_all()", "SELECT"));
        expected.forEach((sql, tag) -> {
            Answer answer = client.run(sql);
            String actual = answer.result() instanceof Result.Rows rows ? rows.tagVerb() : tag(answer);
            assertEquals(tag, actual, sql);
        });
    }

    @Test
    void discardAllResetsSettingsButNotInsideATransaction() {
        client.run("SET TimeZone = 'Asia/Tokyo'");
        Answer discard = client.run("DISCARD ALL");
        assertEquals(List.of(new ParameterChange("TimeZone", "UTC")), discard.parameterStatus());
        assertEquals("DISCARD ALL cannot run inside a transaction block", error(client.runIn('T', "DISCARD ALL"))
                .message());
    }

    @Test
    void npgsqlResetScriptIsAnsweredStatementByStatement() {
        for (String sql : List.of("SET SESSION AUTHORIZATION DEFAULT", "RESET ALL", "CLOSE ALL", "UNLISTEN *",
                "SELECT pg_advisory_unlock_all()", "DISCARD SEQUENCES", "DISCARD TEMP")) {
            assertInstanceOf(Answer.class, client.run(sql), sql);
        }
    }

    @Test
    void notifyReachesListenersOnCommitUntilTheyUnlisten() {
        BuiltinFixture.Client listener = server.client(43, Map.of());
        assertEquals("LISTEN", tag(listener.run("LISTEN orders")));
        Answer notify = client.run("NOTIFY orders, 'created 7'");
        assertEquals("NOTIFY", tag(notify));
        notify.afterSend().forEach(Runnable::run);
        assertEquals(List.of(), listener.received);
        client.commit();
        assertEquals(List.of(new Notification(42, "orders", "created 7")), listener.received);

        sendAndCommit("NOTIFY other");
        assertEquals(1, listener.received.size());

        Answer pgNotify = client.run("SELECT pg_notify($1, $2)", "orders", "second");
        assertEquals(List.of("pg_notify:void"), columns(pgNotify));
        assertEquals(null, single(pgNotify));
        pgNotify.afterSend().forEach(Runnable::run);
        client.commit();
        assertEquals(new Notification(42, "orders", "second"), listener.received.get(1));

        assertEquals("UNLISTEN", tag(listener.run("UNLISTEN orders")));
        sendAndCommit("NOTIFY orders");
        assertEquals(2, listener.received.size());

        listener.run("LISTEN \"Mixed\"");
        listener.session.close();
        sendAndCommit("NOTIFY \"Mixed\"");
        assertEquals(2, listener.received.size());
    }

    @Test
    void rolledBackNotificationsAreNotDelivered() {
        BuiltinFixture.Client listener = server.client(43, Map.of());
        listener.run("LISTEN jobs");
        send("NOTIFY jobs, 'lost'");
        client.transaction.abandon();
        sendAndCommit("NOTIFY jobs, 'kept'");
        assertEquals(List.of(new Notification(42, "jobs", "kept")), listener.received);
    }

    @Test
    void aTransactionDeliversEachNotificationOnceInOrder() {
        BuiltinFixture.Client listener = server.client(43, Map.of());
        listener.run("LISTEN jobs");
        send("NOTIFY jobs, 'a'");
        send("NOTIFY jobs, 'b'");
        send("NOTIFY jobs, 'a'");
        client.commit();
        assertEquals(List.of(new Notification(42, "jobs", "a"), new Notification(42, "jobs", "b")),
                listener.received);
    }

    @Test
    void rollingBackToASavepointDropsTheNotificationsSentSinceIt() {
        BuiltinFixture.Client listener = server.client(43, Map.of());
        listener.run("LISTEN jobs");
        send("NOTIFY jobs, 'before'");
        client.runIn('T', "SAVEPOINT s1");
        send("NOTIFY jobs, 'inside'");
        client.runIn('T', "ROLLBACK TO SAVEPOINT s1");
        send("NOTIFY jobs, 'after'");
        client.commit();
        assertEquals(List.of(new Notification(42, "jobs", "before"), new Notification(42, "jobs", "after")),
                listener.received);
    }

    private void send(String sql) {
        client.runIn('T', sql).afterSend().forEach(Runnable::run);
    }

    private void sendAndCommit(String sql) {
        client.run(sql).afterSend().forEach(Runnable::run);
        client.commit();
    }

    @Test
    void emptyAndCommentOnlyStatementsAreEmptyQueries() {
        for (String sql : List.of("", "-- ping", "/* nothing */", "  ;")) {
            assertInstanceOf(Result.Empty.class, client.run(sql).result(), sql);
        }
    }
}
