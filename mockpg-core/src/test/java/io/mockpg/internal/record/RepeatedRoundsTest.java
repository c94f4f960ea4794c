package io.mockpg.internal.record;

import io.mockpg.internal.record.WireClient.Message;
import io.mockpg.internal.upstream.FrontendMessages;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.mockpg.testing.RealPostgres;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round that comes again byte for byte is recorded from what it recorded the first time
 * ({@link RepeatedRounds}): as often as it came, and only while it means the same — an answer
 * that changed, or a statement made again under the same name, is followed message by message.
 */
class RepeatedRoundsTest {
    private static final String TABLE = "repeated_rounds";

    @TempDir
    Path directory;
    private Recorder recorder;
    private int port;

    @BeforeEach
    void start() throws Exception {
        setValue(1);
        recorder = new Recorder(UpstreamUrl.parse(RecordingDatabase.url() + "?sslmode=disable", Map.of()),
                directory.resolve("repeated.yaml"), "test", warning -> { });
        port = recorder.start("127.0.0.1", 0, false).getPort();
    }

    @AfterEach
    void stop() throws Exception {
        recorder.close();
    }

    @Test
    void everyRepeatIsCountedAndAChangedAnswerIsFollowed() throws Exception {
        List<String> seen = new ArrayList<>();
        try (WireClient client = client()) {
            client.exchange(out -> {
                FrontendMessages.parse(out, "by_id", "SELECT v FROM " + TABLE + " WHERE id = $1", 23);
                FrontendMessages.describe(out, 'S', "by_id");
                FrontendMessages.sync(out);
            }, 1);
            Consumer<ByteBuf> execute = out -> {
                FrontendMessages.bind(out, "", "by_id", "1");
                FrontendMessages.execute(out, "", 0);
                FrontendMessages.sync(out);
            };
            for (int value : new int[] {1, 1, 1, 2, 2, 1, 1}) {
                if (value != currentValue) {
                    setValue(value); // from outside the recorder: the same request gets another answer
                }
                seen.add(value(client.exchange(execute, 1)));
            }
        }
        assertEquals(List.of("1", "1", "1", "2", "2", "1", "1"), seen);
        Recording.Snapshot snapshot = recorder.recording().snapshot();
        Recording.Snapshot.Rule rule = rule(snapshot, "SELECT v FROM " + TABLE + " WHERE id = $1");
        // runs of 3, 2 and 2: the last run written once, as a replay repeats its last response
        assertEquals(List.of("1", "1", "1", "2", "2", "1"), rule.responses().stream().map(RepeatedRoundsTest::value).toList());
        assertEquals(7, snapshot.answers());
        // the second and third executions, the fifth (the second 2) and the seventh came again byte for byte
        assertEquals(4, recorder.recording().repeatedRounds());
    }

    @Test
    void aStatementMadeAgainUnderItsNameIsFollowed() throws Exception {
        Consumer<ByteBuf> execute = out -> {
            FrontendMessages.bind(out, "", "s", "5");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        };
        try (WireClient client = client()) {
            client.exchange(out -> {
                FrontendMessages.parse(out, "s", "SELECT $1::int4 AS x", 23);
                FrontendMessages.sync(out);
            }, 1);
            assertEquals("5", value(client.exchange(execute, 1)));
            assertEquals("5", value(client.exchange(execute, 1)));
            // the same name, another text with the same answer: the same bytes both ways, but not the same rule
            client.exchange(out -> {
                FrontendMessages.close(out, 'S', "s");
                FrontendMessages.parse(out, "s", "SELECT $1::int4 AS x LIMIT ALL", 23);
                FrontendMessages.sync(out);
            }, 1);
            assertEquals("5", value(client.exchange(execute, 1)));
            assertEquals("5", value(client.exchange(execute, 1)));
        }
        Recording.Snapshot snapshot = recorder.recording().snapshot();
        assertEquals(List.of("SELECT $1 AS x", "SELECT $1 AS x LIMIT ALL"),
                snapshot.rules().stream().map(Recording.Snapshot.Rule::sql).toList());
        for (Recording.Snapshot.Rule rule : snapshot.rules()) {
            assertEquals(1, rule.responses().size(), rule.toString());
        }
        assertEquals(4, snapshot.answers());
        assertEquals(2, recorder.recording().repeatedRounds()); // the second execution of each text
    }

    @Test
    void simpleQueriesAndUnnamedStatementsRepeat() throws Exception {
        try (WireClient client = client()) {
            for (int i = 0; i < 3; i++) {
                assertEquals("1", value(client.exchange(out -> FrontendMessages.query(out,
                        "SELECT v FROM " + TABLE + " WHERE id = 1"), 1)));
                assertEquals("1", value(client.exchange(out -> {
                    FrontendMessages.parse(out, "", "SELECT v FROM " + TABLE + " WHERE id = $1", 23);
                    FrontendMessages.bind(out, "", "", "1");
                    FrontendMessages.describe(out, 'P', "");
                    FrontendMessages.execute(out, "", 0);
                    FrontendMessages.sync(out);
                }, 1)));
            }
        }
        Recording.Snapshot snapshot = recorder.recording().snapshot();
        assertEquals(6, snapshot.answers());
        assertEquals(4, recorder.recording().repeatedRounds());
        // the literal of the query is the parameter of the statement: one rule
        assertEquals(1, snapshot.rules().size(), snapshot.rules().toString());
        assertEquals(1, snapshot.rules().get(0).responses().size());
    }

    private WireClient client() throws Exception {
        return new WireClient(port, Map.of("user", "app", "database", RecordingDatabase.NAME), new ArrayList<>());
    }

    private static Recording.Snapshot.Rule rule(Recording.Snapshot snapshot, String sql) {
        return snapshot.rules().stream().filter(rule -> rule.sql().equals(sql)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + sql + " in " + snapshot.rules()));
    }

    /** The only column of the only DataRow. */
    private static String value(List<Message> answer) {
        Message row = answer.stream().filter(message -> message.type() == 'D').findFirst()
                .orElseThrow(() -> new AssertionError("no row in " + answer));
        byte[] body = row.body();
        int length = ((body[2] & 0xff) << 24) | ((body[3] & 0xff) << 16) | ((body[4] & 0xff) << 8) | (body[5] & 0xff);
        return new String(body, 6, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A recorded answer's only value. */
    private static String value(RecordedAnswer answer) {
        Object value = answer.rows().get(0).get(0);
        return value instanceof PlainScalar plain ? plain.text() : String.valueOf(value);
    }

    private int currentValue;

    private void setValue(int value) throws Exception {
        RecordingDatabase.url(); // creates the database
        String jdbc = RealPostgres.jdbcUrl();
        jdbc = jdbc.substring(0, jdbc.lastIndexOf('/') + 1) + RecordingDatabase.NAME;
        try (Connection connection = DriverManager.getConnection(jdbc, RecordingDatabase.credentials("app", "app-secret"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int4 PRIMARY KEY, v int4 NOT NULL)");
            statement.execute("INSERT INTO " + TABLE + " VALUES (1, " + value + ") ON CONFLICT (id) DO UPDATE SET v = "
                    + value);
        }
        currentValue = value;
    }
}
