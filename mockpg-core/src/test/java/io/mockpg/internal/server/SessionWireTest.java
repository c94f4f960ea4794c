package io.mockpg.internal.server;

import static io.mockpg.internal.server.ClientMessages.bind;
import static io.mockpg.internal.server.ClientMessages.closePortal;
import static io.mockpg.internal.server.ClientMessages.closeStatement;
import static io.mockpg.internal.server.ClientMessages.copyData;
import static io.mockpg.internal.server.ClientMessages.copyDone;
import static io.mockpg.internal.server.ClientMessages.copyFail;
import static io.mockpg.internal.server.ClientMessages.describePortal;
import static io.mockpg.internal.server.ClientMessages.describeStatement;
import static io.mockpg.internal.server.ClientMessages.execute;
import static io.mockpg.internal.server.ClientMessages.flush;
import static io.mockpg.internal.server.ClientMessages.parse;
import static io.mockpg.internal.server.ClientMessages.query;
import static io.mockpg.internal.server.ClientMessages.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.JournalEntry;
import io.mockpg.internal.session.OpenTransaction;
import io.mockpg.internal.session.TransactionStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.Future;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's protocol flows through the real pipeline, message by message, in memory. */
class SessionWireTest {
    private static final String SCRIPT = """
            rules:
              - match: { sql: SELECT n FROM three }
                respond: { columns: [ n: int4 ], rows: [ [1], [2], [3] ] }
              - match: { sql: SELECT n FROM four }
                respond: { columns: [ n: int4 ], rows: [ [1], [2], [3], [4] ] }
              - match: { sql: SELECT boom() }
                respond: { error: { code: "40001", message: retry } }
              - match: { sql: SELECT slow() }
                respond: { columns: [ n: int4 ], rows: [ [7] ], delay: 10s }
              - match: { sql: COPY items FROM STDIN }
                respond: { copy: true }
              - match: { sql: COPY items TO STDOUT }
                respond: { copy: true, columns: [ id: int4, name: text ], rows: [ [1, a], [2, b] ] }
            """;

    @Test
    void anErrorSkipsEverythingUpToSync() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("ParseComplete", "BindComplete", "ErrorResponse 40001", "ReadyForQuery I"),
                    session.send(parse("", "SELECT boom()"), bind("", ""), execute("", 0),
                            parse("s1", "SELECT n FROM three"), bind("", "s1"), execute("", 0), sync()));
            // s1 was skipped, so it does not exist
            assertEquals(List.of("ErrorResponse 26000", "ReadyForQuery I"), session.send(bind("", "s1"), sync()));
        }
    }

    @Test
    void aFailedBlockRefusesAllButItsEnd() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("CommandComplete BEGIN", "ReadyForQuery T"), session.send(query("BEGIN")));
            assertEquals(List.of("ErrorResponse 40001", "ReadyForQuery E"), session.send(query("SELECT boom()")));
            assertEquals(List.of("ErrorResponse 25P02", "ReadyForQuery E"),
                    session.send(parse("", "SELECT n FROM three"), bind("", ""), execute("", 0), sync()));
            assertEquals(List.of("ErrorResponse 25P02", "ReadyForQuery E"), session.send(query("SELECT n FROM three")));
            assertEquals(List.of("ParseComplete", "BindComplete", "CommandComplete ROLLBACK", "ReadyForQuery I"),
                    session.send(parse("", "ROLLBACK"), bind("", ""), execute("", 0), sync()));
        }
    }

    @Test
    void savepointsUnwindAFailedBlock() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("CommandComplete BEGIN", "CommandComplete SAVEPOINT", "ErrorResponse 40001",
                    "ReadyForQuery E"), session.send(query("BEGIN; SAVEPOINT a; SELECT boom()")));
            assertEquals(List.of("ErrorResponse 3B001", "ReadyForQuery E"), session.send(query("ROLLBACK TO b")));
            assertEquals(List.of("CommandComplete ROLLBACK", "CommandComplete RELEASE", "ReadyForQuery T"),
                    session.send(query("ROLLBACK TO a; RELEASE a")));
            assertEquals(List.of("ErrorResponse 3B001", "ReadyForQuery E"), session.send(query("RELEASE a")));
            assertEquals(List.of("CommandComplete ROLLBACK", "ReadyForQuery I"), session.send(query("ROLLBACK")));
        }
    }

    @Test
    void aSuspendedPortalCountsOnlyTheRowsOfTheLastExecute() {
        // as PostgreSQL 15: CommandComplete counts the rows sent by the Execute that completes the portal
        try (WireSession session = WireSession.open(SCRIPT)) {
            session.send(query("BEGIN"));
            assertEquals(List.of("ParseComplete", "BindComplete", "DataRow 1", "DataRow 2", "PortalSuspended",
                            "DataRow 3", "CommandComplete SELECT 1", "ReadyForQuery T"),
                    session.send(parse("", "SELECT n FROM three"), bind("c", ""), execute("c", 2), execute("c", 2),
                            sync()));
            assertEquals(List.of("ParseComplete", "BindComplete", "DataRow 1", "DataRow 2", "PortalSuspended",
                            "DataRow 3", "DataRow 4", "PortalSuspended", "CommandComplete SELECT 0", "ReadyForQuery T"),
                    session.send(parse("", "SELECT n FROM four"), bind("d", ""), execute("d", 2), execute("d", 2),
                            execute("d", 2), sync()));
            assertEquals(List.of("BindComplete", "DataRow 1", "PortalSuspended", "DataRow 2", "DataRow 3",
                            "DataRow 4", "CommandComplete SELECT 3", "CommandComplete SELECT 0", "ReadyForQuery T"),
                    session.send(bind("e", ""), execute("e", 1), execute("e", 0), execute("e", 0), sync()));
        }
    }

    @Test
    void aPortalSuspendedInABlockResumesInTheNextBatchAndDiesWithTheTransaction() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            session.send(query("BEGIN"));
            assertEquals(List.of("ParseComplete", "BindComplete", "RowDescription n", "DataRow 1", "PortalSuspended",
                            "ReadyForQuery T"),
                    session.send(parse("", "SELECT n FROM three"), bind("c", ""), describePortal("c"),
                            execute("c", 1), sync()));
            assertEquals(List.of("DataRow 2", "DataRow 3", "CommandComplete SELECT 2", "ReadyForQuery T"),
                    session.send(execute("c", 5), sync()));
            session.send(query("COMMIT"));
            assertEquals(List.of("ErrorResponse 34000", "ReadyForQuery I"), session.send(execute("c", 5), sync()));
        }
    }

    @Test
    void theUnnamedPortalLastsUntilTheNextBindOfItTheTransactionsEndOrItsClose() {
        // as PostgreSQL 15 answers the same messages (protocol-flow.html, "Extended Query"): a second Bind replaces the
        // unnamed portal without 42P03; in a block it outlives Sync; Close and the end of the transaction drop it
        try (WireSession session = WireSession.open(SCRIPT)) {
            session.send(query("BEGIN"));
            assertEquals(List.of("ParseComplete", "ParseComplete", "BindComplete", "DataRow 1", "PortalSuspended", "BindComplete",
                            "DataRow 1", "PortalSuspended", "ReadyForQuery T"),
                    session.send(parse("three", "SELECT n FROM three"), parse("four", "SELECT n FROM four"),
                            bind("", "three"), execute("", 1), bind("", "four"), execute("", 1), sync()));
            assertEquals(List.of("DataRow 2", "DataRow 3", "DataRow 4", "CommandComplete SELECT 3", "ReadyForQuery T"),
                    session.send(execute("", 0), sync()));
            assertEquals(List.of("BindComplete", "CloseComplete", "ErrorResponse 34000", "ReadyForQuery E"),
                    session.send(bind("", "three"), closePortal(""), execute("", 0), sync()));
            session.send(query("ROLLBACK"));
            assertEquals(List.of("BindComplete", "DataRow 1", "PortalSuspended", "ReadyForQuery I"),
                    session.send(bind("", "three"), execute("", 1), sync()));
            assertEquals(List.of("ErrorResponse 34000", "ReadyForQuery I"), session.send(execute("", 1), sync()));
        }
    }

    @Test
    void copyFromStdinTakesDataUntilCopyDone() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("CopyInResponse"), session.send(query("COPY items FROM STDIN")));
            assertEquals(List.of(), session.send(copyData("1\ta\n2\t"), copyData("b\n")));
            assertEquals(List.of("CommandComplete COPY 2", "ReadyForQuery I"), session.send(copyDone()));
            assertEquals(List.of("CopyInResponse"), session.send(query("COPY items FROM STDIN")));
            assertEquals(List.of("ErrorResponse 57014", "ReadyForQuery I"),
                    session.send(copyData("1\ta\n"), copyFail("client gave up")));
        }
    }

    @Test
    void copyFromStdinThroughTheExtendedProtocolIgnoresASyncBeforeCopyDone() {
        // PostgreSQL ignores Flush and Sync in copy-in mode; the client's Sync after CopyDone ends the batch
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("ParseComplete", "BindComplete", "CopyInResponse"),
                    session.send(parse("", "COPY items FROM STDIN"), bind("", ""), execute("", 0), sync()));
            assertEquals(List.of("CommandComplete COPY 1", "ReadyForQuery I"),
                    session.send(copyData("1\ta\n"), copyDone(), sync()));
        }
    }

    @Test
    void copyToStdoutSendsEachRowAsCopyData() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("CopyOutResponse", "CopyData 1\ta\\n", "CopyData 2\tb\\n", "CopyDone",
                    "CommandComplete COPY 2", "ReadyForQuery I"), session.send(query("COPY items TO STDOUT")));
        }
    }

    @Test
    void aLongResultLetsTheLoopsOtherWorkRunEveryFewHundredKilobytes() {
        try (WireSession session = WireSession.open("""
                rules:
                  - match: { sql: "SELECT n, label FROM many" }
                    respond:
                      columns: [ n: int8, label: text ]
                      rows: [ [ "{{row}}", "a label of some forty characters, row {{row}}" ] ]
                      repeat: 50000
                """)) {
            long[] written = {0};
            long[] writtenWhenOtherWorkRan = {-1};
            session.channel().pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
                    if (written[0] == 0) {
                        // another session's work, handed to the loop as the result starts
                        ctx.executor().execute(() -> writtenWhenOtherWorkRan[0] = written[0]);
                    }
                    written[0] += ((ByteBuf) message).readableBytes();
                    ctx.write(message, promise);
                }
            });
            List<String> answer = session.send(query("SELECT n, label FROM many"));
            assertEquals(50_000, answer.stream().filter(line -> line.startsWith("DataRow")).count());
            assertEquals("DataRow 50000,a label of some forty characters, row 50000", answer.get(answer.size() - 3));
            assertEquals(List.of("CommandComplete SELECT 50000", "ReadyForQuery I"),
                    answer.subList(answer.size() - 2, answer.size()));
            assertTrue(written[0] > 3_000_000, written[0] + " bytes");
            // a client that takes all it is sent holds the loop for a few 64 KiB turns, not 3 MB
            assertTrue(writtenWhenOtherWorkRan[0] > 0 && writtenWhenOtherWorkRan[0] < 1_000_000,
                    "the other work ran after " + writtenWhenOtherWorkRan[0] + " of " + written[0] + " bytes");
        }
    }

    @Test
    void aDelayedAnswerComesWhenItsTimeHasCome() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of(), session.send(query("SELECT slow()")));
            assertEquals(List.of(), session.advance(Duration.ofSeconds(9)));
            assertEquals(List.of("RowDescription n", "DataRow 7", "CommandComplete SELECT 1", "ReadyForQuery I"),
                    session.advance(Duration.ofSeconds(1)));
        }
    }

    @Test
    void aCancelRequestEndsADelayedStatementWith57014() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of(), session.send(query("BEGIN; SELECT slow()")).subList(1, 1));
            session.cancelFromAnotherConnection();
            assertEquals(List.of("ErrorResponse 57014", "ReadyForQuery E"), session.runPending());
            assertEquals(List.of(), session.advance(Duration.ofSeconds(20)));
            assertEquals(List.of("CommandComplete ROLLBACK", "ReadyForQuery I"), session.send(query("ROLLBACK")));
        }
    }

    @Test
    void aSessionTellsItsOpenTransactionWithItsStatements() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            SessionHandler handler = session.server().sessions().all().iterator().next();
            session.send(query("BEGIN; SELECT n FROM three"));
            assertEquals(List.of("ParseComplete", "BindComplete", "ErrorResponse 40001", "ReadyForQuery E"),
                    session.send(parse("", "SELECT boom()"), bind("", ""), execute("", 0), sync()));
            Future<OpenTransaction> open = handler.openTransaction();
            session.runPending();
            assertEquals(TransactionStatus.FAILED, open.getNow().status());
            assertEquals(List.of("BEGIN", "SELECT n FROM three", "SELECT boom()"),
                    open.getNow().statements().stream().map(JournalEntry::sql).toList());
            session.send(query("ROLLBACK"));
            open = handler.openTransaction();
            session.runPending();
            assertEquals(new OpenTransaction(TransactionStatus.IDLE, List.of()), open.getNow());
        }
    }

    @Test
    void describeAndCloseAnswerInOrderAndTheFlushAfterAnErrorIsSkipped() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            assertEquals(List.of("ParseComplete", "ParameterDescription 0", "RowDescription n", "BindComplete",
                            "RowDescription n", "CloseComplete", "CloseComplete", "ReadyForQuery I"),
                    session.send(parse("s", "SELECT n FROM three"), describeStatement("s"), bind("p", "s"),
                            describePortal("p"), closePortal("p"), closeStatement("s"), sync()));
            // the error is flushed at once; the Flush sent after it is skipped with the rest
            assertEquals(List.of("ParseComplete", "BindComplete", "ErrorResponse 40001"),
                    session.send(parse("", "SELECT boom()"), bind("", ""), execute("", 0), flush()));
            assertEquals(List.of("ReadyForQuery I"), session.send(parse("", "SELECT n FROM three"), sync()));
        }
    }

    @Test
    void aNotificationWaitsForTheSendersCommit() {
        try (WireSession listener = WireSession.open(SCRIPT); WireSession sender = listener.another()) {
            assertEquals(List.of("CommandComplete LISTEN", "ReadyForQuery I"), listener.send(query("LISTEN jobs")));
            sender.send(query("BEGIN; NOTIFY jobs, 'first'; SAVEPOINT a; NOTIFY jobs, 'dropped'; ROLLBACK TO a"));
            assertEquals(List.of(), listener.runPending());
            assertEquals(List.of("CommandComplete COMMIT", "ReadyForQuery I"), sender.send(query("COMMIT")));
            assertEquals(List.of("NotificationResponse jobs first"), listener.runPending());
        }
    }

    @Test
    void drainEndsAnIdleSessionAtOnce() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            session.server().sessions().all().forEach(SessionHandler::drain);
            assertEquals(List.of("ErrorResponse 57P01"), session.runPending());
            assertFalse(session.isOpen());
        }
    }

    @Test
    void drainLetsAnOpenTransactionAndItsBatchFinish() {
        try (WireSession session = WireSession.open(SCRIPT)) {
            session.send(query("BEGIN"));
            session.server().sessions().all().forEach(SessionHandler::drain);
            assertEquals(List.of(), session.runPending());
            assertEquals(List.of("DataRow 1", "DataRow 2", "DataRow 3", "CommandComplete SELECT 3", "ReadyForQuery T"),
                    session.send(parse("", "SELECT n FROM three"), bind("", ""), execute("", 0), sync()).subList(2, 7));
            assertTrue(session.isOpen());
            assertEquals(List.of("CommandComplete COMMIT", "ReadyForQuery I", "ErrorResponse 57P01"),
                    session.send(query("COMMIT")));
            assertFalse(session.isOpen());
        }
    }
}
