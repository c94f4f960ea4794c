package io.mockpg.internal.server;

import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.session.OpenTransaction;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.session.TransactionStatus;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executor of one session, run on the channel's event loop. The reader side pushes
 * decoded messages into {@link #buffer}; the executor consumes them in order, hands simple
 * queries to a {@link SimpleQueryJob} and extended-protocol messages to {@link ExtendedProtocol},
 * skips to the next Sync after an extended-protocol error, and pauses — without blocking the
 * loop — while a statement waits for a delay, for channel writability, or for COPY data.
 */
final class SessionExecutor implements ExtendedProtocol.Session, SimpleQueryJob.Session {
    /** Past this many buffered messages the reader stops reading until the executor catches up. */
    private static final int BUFFER_HIGH_WATER = 4096;
    /**
     * How many times one turn goes on with a result after the channel's buffer filled and
     * drained at once (a client, or the kernel's socket buffers, taking all it is sent): about
     * 64 KiB each. Then the turn ends and the result goes on in a task of its own, so the other
     * sessions of the event loop are answered meanwhile rather than after megabytes of rows.
     */
    private static final int RESUMES_PER_TURN = 4;

    private final ChannelHandlerContext ctx;
    private final Outbound out;
    private final ArrayDeque<FrontendMessage> buffer = new ArrayDeque<>();
    private final List<Notification> pendingNotifications = new ArrayList<>();
    private final EngineSession engineSession;
    private final SessionTransaction transaction;
    private final GuardedEngine engine;
    private final StatementEnd end;
    private final ExtendedProtocol extended;
    private Job current;
    private boolean skipToSync;
    private boolean inBatch;
    /** Who waits for the session to be between statements ({@link #openTransactionWhenIdle}). */
    private final List<Promise<OpenTransaction>> idleWaiters = new ArrayList<>(1);
    private boolean running;
    private boolean closing;
    private boolean draining;
    /** The current job asked for the next frontend message (COPY FROM STDIN); do not re-run it. */
    private boolean awaitingInput;
    /** Set by {@link #resume}; a wake-up that arrives while running must not be lost. */
    private boolean resumeRequested;
    /** Longer statement texts are refused before anything is computed from them. */
    private int maxStatementSize = Integer.MAX_VALUE;

    SessionExecutor(ChannelHandlerContext ctx, EngineSession engineSession) {
        this.ctx = ctx;
        this.out = new Outbound(ctx);
        this.engineSession = engineSession;
        this.transaction = engineSession.transaction();
        this.engine = new GuardedEngine(engineSession);
        this.end = new StatementEnd(engineSession, out);
        this.extended = new ExtendedProtocol(this, engine, end);
        transaction.onEnd(extended::transactionEnded);
    }

    void maxStatementSize(int characters) {
        this.maxStatementSize = characters;
    }

    @Override
    public int maxStatementSize() {
        return maxStatementSize;
    }

    @Override
    public Outbound out() {
        return out;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return ctx.executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The session's open transaction, for a report at the end of a test; on the session's loop. */
    OpenTransaction openTransaction() {
        return transaction.snapshot();
    }

    /**
     * The open transaction once no statement is in flight: at once when the session is between
     * statements, else at its next ReadyForQuery; a session that closes first reports none
     * (its transaction was rolled back). On the session's loop.
     */
    void openTransactionWhenIdle(Promise<OpenTransaction> promise) {
        if (current == null && buffer.isEmpty() && !inBatch) {
            promise.trySuccess(transaction.snapshot());
        } else {
            idleWaiters.add(promise);
        }
    }

    private void completeIdleWaiters(OpenTransaction open) {
        for (Promise<OpenTransaction> waiter : idleWaiters) {
            waiter.trySuccess(open);
        }
        idleWaiters.clear();
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
    @Override
    public void resume() {
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
        int resumes = 0;
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
                        // again within this call: that event found us running, so go on now,
                        // or, after a few times, in a task behind the loop's other work.
                        if (++resumes < RESUMES_PER_TURN) {
                            continue;
                        }
                        ctx.executor().execute(this::resume);
                        break;
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
        if (draining && idle() && startsWork(message)) {
            // draining: an open transaction may finish, nothing new starts
            terminateForDrain();
            return;
        }
        if (skipToSync && !(message instanceof FrontendMessage.Sync) && !(message instanceof FrontendMessage.Terminate)
                && !(message instanceof FrontendMessage.Malformed)) {
            return;
        }
        if (message instanceof FrontendMessage.Query query) {
            current = new SimpleQueryJob(this, engine, end, query.sql());
        } else if (message instanceof FrontendMessage.Parse parse) {
            inBatch = true;
            extended.parse(parse);
        } else if (message instanceof FrontendMessage.Bind bind) {
            inBatch = true;
            extended.bind(bind);
        } else if (message instanceof FrontendMessage.Describe describe) {
            inBatch = true;
            extended.describe(describe);
        } else if (message instanceof FrontendMessage.Execute execute) {
            inBatch = true;
            current = extended.execute(execute);
        } else if (message instanceof FrontendMessage.Close close) {
            inBatch = true;
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

    /**
     * After an ErrorResponse already written: skip to Sync. PostgreSQL flushes every
     * ErrorResponse at once; a pipelining client (libpq pipeline mode under psycopg 3) sends
     * Flush and waits for the error, and that Flush is among the messages skipped.
     */
    @Override
    public void skipToSync() {
        skipToSync = true;
        out.flush();
    }

    private void sync() {
        skipToSync = false;
        inBatch = false;
        endOfBatch();
    }

    /** A simple query string or an extended batch ends: the implicit transaction commits, ReadyForQuery. */
    @Override
    public void endOfBatch() {
        transaction.endOfBatch();
        readyForQuery();
    }

    /** ReadyForQuery with the transaction status; the flush point of every answer batch. */
    void readyForQuery() {
        writePendingNotifications();
        BackendMessages.readyForQuery(out.buf(), transaction.status().code());
        out.flush();
        if (!idleWaiters.isEmpty() && buffer.isEmpty()) {
            completeIdleWaiters(transaction.snapshot());
        }
        if (draining && idle()) {
            terminateForDrain();
        }
    }

    private static boolean startsWork(FrontendMessage message) {
        return message instanceof FrontendMessage.Query || message instanceof FrontendMessage.Parse
                || message instanceof FrontendMessage.Bind || message instanceof FrontendMessage.Execute
                || message instanceof FrontendMessage.Describe || message instanceof FrontendMessage.FunctionCall;
    }

    /** Not in a transaction nor in an extended batch: where drain ends a session and notifications go out. */
    private boolean idle() {
        return transaction.status() == TransactionStatus.IDLE && !inBatch;
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
        if (!pendingNotifications.isEmpty() && idle()) {
            writePendingNotifications();
            out.flush();
        }
    }

    private void writePendingNotifications() {
        if (pendingNotifications.isEmpty()) {
            return; // every ReadyForQuery passes here: no iterator for an empty list
        }
        for (Notification n : pendingNotifications) {
            BackendMessages.notificationResponse(out.buf(), n.senderId(), n.channel(), n.payload());
        }
        pendingNotifications.clear();
    }

    /** Server drain: idle sessions end now, busy ones after their transaction and batch. */
    void requestDrain() {
        draining = true;
        if (current == null && buffer.isEmpty() && idle() && !closing) {
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

    @Override
    public void closeAfterFlush() {
        if (closing) {
            return;
        }
        closing = true;
        out.flush();
        ctx.channel().close();
    }

    /** A scripted fault: close, or a TCP reset (SO_LINGER 0), after what was already sent. */
    @Override
    public void fault(boolean reset) {
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
        ctx.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
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
        transaction.abandon();
        engineSession.close();
        completeIdleWaiters(new OpenTransaction(TransactionStatus.IDLE, List.of()));
    }
}
