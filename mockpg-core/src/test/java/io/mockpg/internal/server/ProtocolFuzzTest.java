package io.mockpg.internal.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mockpg.internal.protocol.codec.StartupDecoder;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.server.auth.AuthExchanges;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (docs/robustness.md) of everything a client's bytes reach before a
 * statement is answered: the startup decoder, the startup and authentication state machine,
 * the frame decoder and the session's simple and extended protocol, through an
 * {@link EmbeddedChannel}. Whatever the bytes, nothing may escape the pipeline as an exception,
 * every answer must be well-framed backend messages without an internal error (XX000), and the buffers are released (the build's
 * leak detector runs at paranoid level). In a plain build it replays its seed inputs, from
 * {@code src/test/resources/io/mockpg/internal/server/ProtocolFuzzTestInputs/}.
 */
class ProtocolFuzzTest {
    private static final String RULES = """
            rules:
              - match: { sql: "SELECT id, name FROM customers WHERE id = $1" }
                respond:
                  columns: [ { id: int4 }, { name: text } ]
                  rows: [ [1, Alice], [2, Bob] ]
              - match: { sql: SELECT n FROM many }
                respond:
                  columns: [ { n: int8 } ]
                  rows: [ ["{{row}}"] ]
                  repeat: 50
              - match: { sql: "INSERT INTO customers VALUES ($1, $2)" }
                respond: { error: { code: "23505", message: duplicate key } }
              - match: { sql: COPY customers FROM STDIN }
                respond: { copy: true }
              - match: { sql: COPY customers TO STDOUT }
                respond:
                  copy: true
                  columns: [ { id: int4 } ]
                  rows: [ [1], [2] ]
              - match: { sql: SELECT pg_sleep(1) }
                respond: { delay: 1ms, columns: [ { x: int4 } ], rows: [ [1] ] }
              - match: { sql: SELECT 'fatal' }
                respond: { error: { code: "57P01", message: bye, severity: FATAL } }
            """;
    /** One engine per authentication method: the first input byte picks one. */
    private static final List<ScriptEngine> ENGINES = List.of(
            engine("trust", ""),
            engine("password", "    users: { app: secret }\n"),
            engine("md5", "    users: { app: secret }\n"),
            engine("scram-sha-256", "    users: { app: secret }\n"));

    /** Shared: its SCRAM verifiers cost a PBKDF2 derivation each, once per user and password. */
    private static final AuthExchanges AUTH = new AuthExchanges();

    private static ScriptEngine engine(String method, String users) {
        String yaml = "server:\n  auth:\n    method: " + method + "\n" + users + RULES;
        return new ScriptEngine(List.of(ScriptLoader.parse("fuzz.yaml", yaml)), "127.0.0.1", () -> 5432);
    }

    @FuzzTest(maxDuration = "10m")
    void anyBytesFromAClient(FuzzedDataProvider data) {
        int method = data.consumeInt(0, 7); // half the inputs trust, so sessions are reached
        ScriptEngine engine = ENGINES.get(method < 4 ? 0 : method - 4);
        int split = data.consumeInt(0, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        ServerContext context = new ServerContext(engine, new SessionRegistry(), AUTH, null,
                64 * 1024, Duration.ofSeconds(10), false, 100, 16 * 1024);
        EmbeddedChannel channel = new EmbeddedChannel(new StartupDecoder(context.maxMessageSize()),
                new StartupHandler(context));
        try {
            // in two reads, so messages split across reads are covered too
            int cut = Math.min(split, bytes.length);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
            if (channel.isOpen()) {
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));
            }
            channel.runPendingTasks();
            channel.checkException();
            checkFraming(channel);
        } finally {
            channel.finishAndReleaseAll();
            engine.clearJournal();
        }
    }

    /**
     * The answers, concatenated, are single bytes (the answers to SSLRequest and GSSENCRequest)
     * followed by whole backend messages with sane lengths.
     */
    private static void checkFraming(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        try {
            Object out;
            while ((out = channel.readOutbound()) != null) {
                ByteBuf buf = (ByteBuf) out;
                all.writeBytes(buf);
                buf.release();
            }
            while (all.isReadable() && (all.getByte(all.readerIndex()) == 'N' || all.getByte(all.readerIndex()) == 'S')
                    && (all.readableBytes() == 1 || !isMessageStart(all, all.readerIndex()))) {
                all.skipBytes(1);
            }
            while (all.isReadable()) {
                assertTrue(all.readableBytes() >= 5, "a truncated backend message");
                byte type = all.readByte();
                int length = all.readInt();
                assertTrue(length >= 4 && length - 4 <= all.readableBytes(),
                        "backend message " + (char) type + " of bad length " + length);
                if (type == 'E') {
                    assertNotInternal(all.slice(all.readerIndex(), length - 4));
                }
                all.skipBytes(length - 4);
            }
            assertEquals(0, all.readableBytes());
        } finally {
            all.release();
        }
    }

    /**
     * An ErrorResponse with SQLSTATE XX000 means an exception reached the pipeline's last guard:
     * answered, but a bug all the same, so it fails the input.
     */
    private static void assertNotInternal(ByteBuf fields) {
        while (fields.isReadable()) {
            byte field = fields.readByte();
            if (field == 0) {
                return;
            }
            int end = fields.indexOf(fields.readerIndex(), fields.writerIndex(), (byte) 0);
            assertTrue(end >= 0, "an unterminated ErrorResponse field");
            String value = fields.toString(fields.readerIndex(), end - fields.readerIndex(), StandardCharsets.UTF_8);
            assertNotEquals("XX000", field == 'C' ? value : null, "an internal error answered");
            fields.readerIndex(end + 1);
        }
    }

    /** Whether a well-formed backend message starts at {@code at} (an 'N' or 'S' may be one: NoticeResponse). */
    private static boolean isMessageStart(ByteBuf all, int at) {
        if (all.writerIndex() - at < 5) {
            return false;
        }
        int length = all.getInt(at + 1);
        return length >= 4 && at + 1 + length <= all.writerIndex();
    }
}
