package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.backend.RowEncoder;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.session.PreparedStatement;
import io.mockpg.internal.session.TransactionState;
import io.mockpg.internal.session.TransactionVerb;
import io.mockpg.internal.types.PgTypes;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The executor of one session, run on the channel's event loop.
 * The reader side pushes decoded messages into {@link #buffer}; the executor consumes them in
 * order, owns all session state (prepared statements, portals, transaction status), skips to
 * the next Sync after an extended-protocol error, and pauses — without blocking the loop —
 * while a statement waits for a delay, for channel writability, or for COPY data.
 */
final class SessionExecutor {
    private static final Logger log = LoggerFactory.getLogger(SessionExecutor.class);
    /** Past this many buffered messages the reader stops reading until the executor catches up. */
    private static final int BUFFER_HIGH_WATER = 4096;
    private static final int[] NO_OIDS = new int[0];
    private static final short[] ALL_TEXT = new short[0];

    private final ChannelHandlerContext ctx;
    private final Outbound out;
    private final ArrayDeque<FrontendMessage> buffer = new ArrayDeque<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private final TransactionState transaction = new TransactionState(portals::clear);
    private final List<Notification> pendingNotifications = new ArrayList<>();
    private final ExtendedProtocol extended;
    private EngineSession engine;
    private Job current;
    private boolean skipToSync;
    private boolean inBatch;
    private boolean running;
    private boolean closing;
    private boolean draining;
    /** The current job asked for the next frontend message (COPY FROM STDIN); do not re-run it. */
    private boolean awaitingInput;
    /** Set by {@link #resume}; a wake-up that arrives while running must not be lost. */
    private boolean resumeRequested;

    /** A statement in progress: a simple query string or one Execute. */
    interface Job {
        AnswerWriter.Step run();

        AnswerWriter.Step accept(FrontendMessage message);

        void cancel();
    }

    SessionExecutor(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.out = new Outbound(ctx);
        this.extended = new ExtendedProtocol(this);
    }

    void attach(EngineSession engineSession) {
        this.engine = engineSession;
        transaction.attach(engineSession);
    }

    EngineSession engine() {
        return engine;
    }

    Outbound out() {
        return out;
    }

    TransactionState transaction() {
        return transaction;
    }

    Map<String, PreparedStatement> statements() {
        return statements;
    }

    Map<String, Portal> portals() {
        return portals;
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return ctx.executor().schedule(task, delay, unit);
    }

    /** Reader side: a decoded message arrives. */
    void push(FrontendMessage message) {
        buffer.add(message);
        if (buffer.size() > BUFFER_HIGH_WATER) {
            ctx.channel().config().setAutoRead(false);
        }
        run();
    }

    /** Called when a timer fires or the channel becomes writable again. */
    void resume() {
        if (!closing) {
            resumeRequested = true;
            run();
        }
    }

    private void run() {
        if (running || closing) {
            return;
        }
        running = true;
        try {
            while (!closing) {
                if (current != null) {
                    resumeRequested = false;
                    AnswerWriter.Step step = awaitingInput ? AnswerWriter.Step.NEED_INPUT : current.run();
                    while (step == AnswerWriter.Step.NEED_INPUT && !buffer.isEmpty()) {
                        step = current.accept(buffer.poll());
                    }
                    awaitingInput = step == AnswerWriter.Step.NEED_INPUT;
                    if (step == AnswerWriter.Step.WAIT && resumeRequested) {
                        // The flush before waiting drained the channel and it became writable
                        // again within this call: that event found us running, so go on now.
                        continue;
                    }
                    if (step == AnswerWriter.Step.WAIT || step == AnswerWriter.Step.NEED_INPUT
                            || step == AnswerWriter.Step.CLOSED) {
                        break;
                    }
                    current = null;
                    continue;
                }
                FrontendMessage message = buffer.poll();
                if (message == null) {
                    break;
                }
                handle(message);
            }
        } finally {
            running = false;
        }
        if (buffer.size() < BUFFER_HIGH_WATER / 2 && !closing && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        if (current == null && buffer.isEmpty() && !closing) {
            deliverPendingNotificationsIfIdle();
        }
    }

    private void handle(FrontendMessage message) {
        if (skipToSync && !(message instanceof FrontendMessage.Sync) && !(message instanceof FrontendMessage.Terminate)
                && !(message instanceof FrontendMessage.Malformed)) {
            return;
        }
        if (message instanceof FrontendMessage.Query query) {
            current = new SimpleQueryJob(this, query.sql());
        } else if (message instanceof FrontendMessage.Parse parse) {
            extended.parse(parse);
        } else if (message instanceof FrontendMessage.Bind bind) {
            extended.bind(bind);
        } else if (message instanceof FrontendMessage.Describe describe) {
            extended.describe(describe);
        } else if (message instanceof FrontendMessage.Execute execute) {
            current = extended.execute(execute);
        } else if (message instanceof FrontendMessage.Close close) {
            extended.close(close);
        } else if (message instanceof FrontendMessage.Sync) {
            sync();
        } else if (message instanceof FrontendMessage.Flush) {
            out.flush();
        } else if (message instanceof FrontendMessage.Terminate) {
            close();
        } else if (message instanceof FrontendMessage.CopyData || message instanceof FrontendMessage.CopyDone
                || message instanceof FrontendMessage.CopyFail) {
            // Ignored outside COPY, as PostgreSQL does after an aborted COPY.
            return;
        } else if (message instanceof FrontendMessage.FunctionCall) {
            BackendMessages.errorResponse(out.buf(),
                    ErrorFields.error("0A000", "the function call protocol is not supported"));
            readyForQuery();
        } else if (message instanceof FrontendMessage.Malformed malformed) {
            fatal(ErrorFields.fatal("08P01", malformed.reason()));
        } else {
            fatal(ErrorFields.fatal("08P01", "unexpected message type " + message.getClass().getSimpleName()));
        }
    }

    /** Marks that extended-protocol messages are pending a Sync (drain waits for it). */
    void extendedMessageSeen() {
        inBatch = true;
    }

    /** An extended-protocol error: ErrorResponse, then everything up to Sync is skipped. */
    void extendedError(ErrorFields fields, TransactionVerb verb) {
        BackendMessages.errorResponse(out.buf(), fields);
        transaction.afterError(verb);
        skipToSync = true;
        if (fields.isFatal()) {
            closeAfterFlush();
        } else {
            out.flush();
        }
    }

    /**
     * After an ErrorResponse already written: skip to Sync. PostgreSQL flushes every
     * ErrorResponse at once; a pipelining client (libpq pipeline mode under psycopg 3) sends
     * Flush and waits for the error, and that Flush is among the messages skipped.
     */
    void skipToSync() {
        skipToSync = true;
        out.flush();
    }

    private void sync() {
        skipToSync = false;
        inBatch = false;
        transaction.endOfBatch();
        readyForQuery();
    }

    /** ReadyForQuery with the transaction status; the flush point of every answer batch. */
    void readyForQuery() {
        writePendingNotifications();
        BackendMessages.readyForQuery(out.buf(), transaction.status());
        out.flush();
        if (draining && transaction.status() == 'I' && !inBatch) {
            terminateForDrain();
        }
    }

    /** Answers a statement through the engine; an engine failure costs this statement only. */
    Answer answer(String sql, List<String> params, int[] paramOids, boolean extendedProtocol) {
        try {
            return engine.answer(new StatementRequest(sql, params, paramOids, extendedProtocol, transaction.status()));
        } catch (RuntimeException e) {
            log.error("internal error answering {}", sql, e);
            return Answer.of(new Result.Error(ErrorFields.error("XX000", "mockpg internal error: " + e)));
        }
    }

    boolean answerable(String sql) {
        try {
            return engine.answerable(sql);
        } catch (RuntimeException e) {
            log.error("internal error describing {}", sql, e);
            return true;
        }
    }

    Description describe(String sql, int[] clientOids) {
        try {
            return engine.describe(sql, clientOids);
        } catch (RuntimeException e) {
            log.error("internal error describing {}", sql, e);
            int[] oids = new int[clientOids.length];
            Arrays.fill(oids, PgTypes.TEXT.oid());
            return new Description(oids, null);
        }
    }

    static RowEncoder encoderFor(Result result, short[] formats) {
        if (result instanceof Result.Rows rows) {
            return new RowEncoder(rows.columns(), formats);
        }
        return null;
    }

    static int[] noOids() {
        return NO_OIDS;
    }

    static short[] allText() {
        return ALL_TEXT;
    }

    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** A NotificationResponse for this session; sent when the session is between statements. */
    void notify(Notification notification) {
        pendingNotifications.add(notification);
        if (current == null && buffer.isEmpty() && !running) {
            deliverPendingNotificationsIfIdle();
        }
    }

    private void deliverPendingNotificationsIfIdle() {
        if (!pendingNotifications.isEmpty() && transaction.status() == 'I' && !inBatch) {
            writePendingNotifications();
            out.flush();
        }
    }

    private void writePendingNotifications() {
        for (Notification n : pendingNotifications) {
            BackendMessages.notificationResponse(out.buf(), n.senderId(), n.channel(), n.payload());
        }
        pendingNotifications.clear();
    }

    /** Server drain: idle sessions end now, busy ones after their transaction and batch. */
    void requestDrain() {
        draining = true;
        if (current == null && buffer.isEmpty() && transaction.status() == 'I' && !inBatch && !closing) {
            terminateForDrain();
        }
    }

    private void terminateForDrain() {
        fatal(ErrorFields.fatal("57P01", "terminating connection due to administrator command"));
    }

    void fatal(ErrorFields fields) {
        BackendMessages.errorResponse(out.buf(), fields);
        closeAfterFlush();
    }

    void closeAfterFlush() {
        if (closing) {
            return;
        }
        closing = true;
        out.flush();
        ctx.channel().close();
    }

    /** A scripted fault: close, or a TCP reset (SO_LINGER 0), after what was already sent. */
    void fault(boolean reset) {
        closing = true;
        if (reset) {
            out.discard();
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.channel().close();
        } else {
            out.flush();
            ctx.channel().close();
        }
    }

    void close() {
        closing = true;
        out.flush();
        ctx.channel().writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** The channel is gone: drop buffered work, roll back what is open. */
    void closed() {
        closing = true;
        out.discard();
        buffer.clear();
        if (current != null) {
            current.cancel();
            current = null;
        }
        if (engine != null) {
            transaction.abandon();
            engine.close();
        }
    }
}
