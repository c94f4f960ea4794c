package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static io.mockpg.e2e.RawPgClient.bind;
import static io.mockpg.e2e.RawPgClient.concat;
import static io.mockpg.e2e.RawPgClient.execute;
import static io.mockpg.e2e.RawPgClient.parse;
import static io.mockpg.e2e.RawPgClient.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Extended-protocol pipelines written byte by byte, to see every backend message: after an
 * error everything up to Sync is discarded (no ParseComplete, BindComplete or CommandComplete
 * for the rest), one ReadyForQuery answers the Sync, and the next batch runs normally. Also a
 * CancelRequest carrying a protocol 3.2 (32-byte) key. Compared with PostgreSQL 15: the same
 * sequence {@code 1 2 D C E Z} for the batch whose second Parse redefines a statement, no reply
 * to the messages after an error but the Sync's ReadyForQuery, and the 42P05/26000 texts.
 */
class PipelineE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: bad
                    match: { sql: "UPDATE accounts SET balance = balance - $1" }
                    respond:
                      error: { code: "23514", message: "new row violates check constraint \\"positive\\"" }
                  - id: good
                    match: { sql: "SELECT name FROM accounts WHERE id = $1" }
                    respond:
                      columns: [{name: text}]
                      rows: [["account {{$1}}"]]
                  - id: slow
                    match: { sql: "SELECT slow()" }
                    respond:
                      delay: 10s
                      columns: [{slow: text}]
                      rows: [[never]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    @Test
    void errorDiscardsTheRestOfTheBatchUntilSync() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            batch.writeBytes(parse("s1", "UPDATE accounts SET balance = balance - $1"));
            batch.writeBytes(bind("", "s1", "100"));
            batch.writeBytes(execute(""));
            batch.writeBytes(parse("s2", "SELECT name FROM accounts WHERE id = $1"));
            batch.writeBytes(bind("", "s2", "7"));
            batch.writeBytes(execute(""));
            batch.writeBytes(sync());
            client.send(batch.toByteArray());
            assertEquals(List.of('1', '2', 'E', 'Z'), typesUntilReady(client));
            assertEquals(List.of("bad"), PgClients.scripted(server).stream().map(JournalEntry::ruleId).toList());

            // The next batch runs: s1 exists, s2 was never parsed (discarded), so Bind to it is 26000.
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            next.writeBytes(parse("s2", "SELECT name FROM accounts WHERE id = $1"));
            next.writeBytes(bind("", "s2", "8"));
            next.writeBytes(execute(""));
            next.writeBytes(parse("s1", "SELECT 1"));
            next.writeBytes(execute(""));
            next.writeBytes(sync());
            client.send(next.toByteArray());
            List<RawPgClient.Message> answers = client.readUntilReady();
            assertEquals(List.of('1', '2', 'D', 'C', 'E', 'Z'), answers.stream().map(RawPgClient.Message::type).toList());
            Map<Character, String> duplicate = answers.get(4).fields();
            assertEquals("42P05", duplicate.get('C'));
            assertEquals("prepared statement \"s1\" already exists", duplicate.get('M'));
            // The Parse error came after the SELECT within the same implicit transaction.
            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(List.of("bad", "good"), journal.stream().map(JournalEntry::ruleId).toList());
            assertEquals(List.of("8"), journal.get(1).params());
            assertEquals(List.of("rolled_back", "rolled_back"), journal.stream().map(JournalEntry::outcome).toList());

            client.send(concat(bind("", "nope", "1"), sync()));
            List<RawPgClient.Message> unknown = client.readUntilReady();
            assertEquals("26000", unknown.get(0).fields().get('C'));
            assertEquals("prepared statement \"nope\" does not exist", unknown.get(0).fields().get('M'));
        }
    }

    @Test
    void cancelRequestWithA32ByteKey() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.send(RawPgClient.startup(196610, "user", "app", "database", "mockpg"));
            RawPgClient.Message keyData = client.readUntil('K');
            client.readUntil('Z');
            ByteBuffer key = keyData.buffer();
            int processId = key.getInt();
            byte[] secret = new byte[key.remaining()];
            key.get(secret);
            assertEquals(32, secret.length);

            long start = System.nanoTime();
            client.send(RawPgClient.query("SELECT slow()"));
            awaitJournalled();
            try (RawPgClient canceller = new RawPgClient(server.host(), server.port())) {
                canceller.send(ByteBuffer.allocate(12 + secret.length).putInt(12 + secret.length).putInt(80877102)
                        .putInt(processId).put(secret).array());
                assertEquals(-1, canceller.readByte());
            }
            List<RawPgClient.Message> answer = client.readUntilReady();
            assertEquals('E', answer.get(0).type());
            assertEquals("57014", answer.get(0).fields().get('C'));
            assertEquals("canceling statement due to user request", answer.get(0).fields().get('M'));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(true, millis < 5000, "took " + millis + " ms");
        }
    }

    private static void awaitJournalled() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (PgClients.scripted(server).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, PgClients.scripted(server).size());
    }

    private static List<Character> typesUntilReady(RawPgClient client) throws Exception {
        return client.readUntilReady().stream().map(RawPgClient.Message::type).toList();
    }
}
