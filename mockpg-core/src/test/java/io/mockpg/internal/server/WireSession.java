package io.mockpg.internal.server;

import io.mockpg.internal.engine.StatementEngine;
import io.mockpg.internal.protocol.codec.StartupDecoder;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.server.auth.AuthExchanges;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One session through the real pipeline (startup decoder, startup handler, session handler)
 * in an {@link EmbeddedChannel}: a test sends framed client messages ({@link ClientMessages})
 * and reads back every backend message, decoded to one line each ("DataRow 1",
 * "CommandComplete SELECT 1", "ErrorResponse 25P02", "ReadyForQuery T"), so a protocol change
 * fails with the exact message sequence. Time is frozen: {@link #advance} fires delays.
 */
final class WireSession implements AutoCloseable {
    private static final int MAX_MESSAGE = 1 << 20;

    private final ServerContext server;
    private final EmbeddedChannel channel;
    private final ByteBuf pending = Unpooled.buffer();
    private int processId;
    private byte[] secretKey;

    private WireSession(ServerContext server) {
        this.server = server;
        this.channel = new EmbeddedChannel(new StartupDecoder(MAX_MESSAGE), new StartupHandler(server));
        channel.freezeTime();
    }

    /** A session of a server that answers with this script, started and ready for a query. */
    static WireSession open(String yaml) {
        return open(server(new ScriptEngine(List.of(ScriptLoader.parse("test.yaml", yaml)), "127.0.0.1", () -> 5432)));
    }

    static ServerContext server(StatementEngine engine) {
        return new ServerContext(engine, new SessionRegistry(), new AuthExchanges(), null, MAX_MESSAGE,
                Duration.ofSeconds(10), false, ServerContext.DEFAULT_MAX_CONNECTIONS,
                ServerContext.DEFAULT_MAX_STATEMENT_SIZE);
    }

    /** Another session of the same server. */
    WireSession another() {
        return open(server);
    }

    static WireSession open(ServerContext server) {
        WireSession session = new WireSession(server);
        List<String> startup = session.send(ClientMessages.startup("app", "shop"));
        if (!startup.get(startup.size() - 1).equals("ReadyForQuery I")) {
            throw new AssertionError("startup ended with " + startup);
        }
        return session;
    }

    ServerContext server() {
        return server;
    }

    EmbeddedChannel channel() {
        return channel;
    }

    /** Sends the messages in one read, then returns every backend message that came out. */
    List<String> send(ByteBuf... messages) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf message : messages) {
            all.writeBytes(message);
            message.release();
        }
        channel.writeInbound(all);
        return received();
    }

    /** Lets the frozen clock run on, fires what fell due, and returns what was sent meanwhile. */
    List<String> advance(Duration duration) {
        channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        return received();
    }

    /** Runs tasks handed to the channel's loop from outside (cancel, drain) and returns what was sent. */
    List<String> runPending() {
        channel.runPendingTasks();
        return received();
    }

    /** A CancelRequest for this session, on a connection of its own, as clients send it. */
    void cancelFromAnotherConnection() {
        EmbeddedChannel canceller = new EmbeddedChannel(new StartupDecoder(MAX_MESSAGE), new StartupHandler(server));
        canceller.writeInbound(ClientMessages.cancelRequest(processId, secretKey));
        canceller.finishAndReleaseAll();
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    List<String> received() {
        channel.runPendingTasks();
        for (Object written = channel.readOutbound(); written != null; written = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) written;
            pending.writeBytes(buf);
            buf.release();
        }
        List<String> messages = new ArrayList<>();
        while (pending.readableBytes() >= 5 && pending.readableBytes() >= 1 + pending.getInt(pending.readerIndex() + 1)) {
            char type = (char) pending.readByte();
            ByteBuf body = pending.readSlice(pending.readInt() - 4);
            String line = describe(type, body);
            if (line != null) {
                messages.add(line);
            }
        }
        pending.discardReadBytes();
        return messages;
    }

    /** One line for a backend message; null for the startup messages no test asserts on. */
    private String describe(char type, ByteBuf body) {
        return switch (type) {
            case 'R', 'S' -> null;
            case 'K' -> {
                processId = body.readInt();
                secretKey = new byte[body.readableBytes()];
                body.readBytes(secretKey);
                yield null;
            }
            case '1' -> "ParseComplete";
            case '2' -> "BindComplete";
            case '3' -> "CloseComplete";
            case 'n' -> "NoData";
            case 's' -> "PortalSuspended";
            case 'I' -> "EmptyQueryResponse";
            case 'c' -> "CopyDone";
            case 'G' -> "CopyInResponse";
            case 'H' -> "CopyOutResponse";
            case 'd' -> "CopyData " + body.toString(StandardCharsets.UTF_8).replace("\n", "\\n");
            case 'C' -> "CommandComplete " + cstring(body);
            case 'Z' -> "ReadyForQuery " + (char) body.readByte();
            case 'E' -> "ErrorResponse " + field(body, 'C');
            case 'N' -> "NoticeResponse " + field(body, 'C');
            case 'A' -> {
                body.readInt();
                yield "NotificationResponse " + cstring(body) + " " + cstring(body);
            }
            case 'T' -> rowDescription(body);
            case 't' -> "ParameterDescription " + body.readShort();
            case 'D' -> dataRow(body);
            default -> "Unknown " + type;
        };
    }

    private static String rowDescription(ByteBuf body) {
        int count = body.readShort();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(cstring(body));
            body.skipBytes(18);
        }
        return "RowDescription " + String.join(",", names);
    }

    private static String dataRow(ByteBuf body) {
        int count = body.readShort();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            values.add(length < 0 ? "NULL" : body.readSlice(length).toString(StandardCharsets.UTF_8));
        }
        return "DataRow " + String.join(",", values);
    }

    private static String field(ByteBuf body, char wanted) {
        while (body.isReadable()) {
            char code = (char) body.readByte();
            if (code == 0) {
                break;
            }
            String value = cstring(body);
            if (code == wanted) {
                return value;
            }
        }
        return "?";
    }

    private static String cstring(ByteBuf body) {
        int end = body.bytesBefore((byte) 0);
        String text = body.readSlice(end).toString(StandardCharsets.UTF_8);
        body.skipBytes(1);
        return text;
    }

    @Override
    public void close() {
        pending.release();
        channel.finishAndReleaseAll();
    }
}
