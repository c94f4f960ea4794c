package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.RowValueException;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.backend.RowEncoder;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.List;


/**
 * Sends one statement's answer, resumable: waits out a delay on the event loop's scheduler,
 * streams rows while the channel is writable, stops at a portal's row limit, fires faults
 * after N rows, and takes COPY data. Order: delay, notices, result, ParameterStatus, afterSend.
 */
final class AnswerWriter {
    enum Step {
        /** Finished. */
        DONE,
        /** Waiting for a timer or for the channel to become writable; the executor is resumed. */
        WAIT,
        /** Row limit reached: PortalSuspended was sent. */
        PORTAL_SUSPENDED,
        /** COPY FROM STDIN: wants the next frontend message via {@link #acceptCopy}. */
        NEED_INPUT,
        /** The connection is being closed. */
        CLOSED
    }

    /** What an answer needs of its connection. */
    interface Connection {
        Outbound out();

        /** Runs {@code task} on the session's loop after the delay. */
        ScheduledFuture<?> schedule(Runnable task, long delayNanos);

        /** Runs the waiting statement again (a timer fired, or a cancel ended the wait). */
        void resume();

        /** A scripted fault: close, or a TCP reset, after what was already sent. */
        void fault(boolean reset);

        /** A FATAL error was written: close once it is out. */
        void closeAfterFlush();

        /** The statement size limit, which bounds the COPY data kept too (docs/robustness.md). */
        int maxStatementSize();
    }

    private enum Phase { DELAY, NOTICES, RESULT, AFTER, DONE }

    private final Connection session;
    private final Answer answer;
    private final RowEncoder encoder;
    private final boolean sendRowDescription;
    private Result result;
    private Phase phase = Phase.DELAY;
    private ScheduledFuture<?> timer;
    private boolean resultStarted;
    private boolean cancelRequested;
    private boolean failed;
    private long rowsSent;
    /** Rows sent by the current Execute: a resumed portal's tag counts only these, as PostgreSQL's does. */
    private long rowsThisExecute;
    private CopyInData copyIn;

    /**
     * @param resultFormats      Bind's result format codes (none for the simple protocol: all text)
     * @param sendRowDescription simple protocol: RowDescription precedes the rows
     */
    AnswerWriter(Connection session, Answer answer, short[] resultFormats, boolean sendRowDescription) {
        this.session = session;
        this.answer = answer;
        this.result = answer.result();
        this.encoder = result instanceof Result.Rows rows ? new RowEncoder(rows.columns(), resultFormats) : null;
        this.sendRowDescription = sendRowDescription;
    }

    Answer answer() {
        return answer;
    }

    Result result() {
        return result;
    }

    /** The data a COPY FROM STDIN received (also when it failed), or null. */
    String copyData() {
        return copyIn == null ? null : copyIn.text();
    }

    /** The row encoder for the client's result formats (null for a result without rows). */
    RowEncoder encoder() {
        return encoder;
    }

    /** Whether the answer ended in an ErrorResponse. */
    boolean failed() {
        return failed;
    }

    /** A CancelRequest: a pending delay or a row stream ends with 57014. */
    void cancel() {
        cancelRequested = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            result = new Result.Error(canceled());
            phase = Phase.RESULT;
            session.resume();
        }
    }

    private static ErrorFields canceled() {
        return ErrorFields.error("57014", "canceling statement due to user request");
    }

    Step run(int maxRows) {
        if (phase == Phase.DELAY) {
            if (timer != null) {
                return Step.WAIT;
            }
            if (answer.delay() != null && !answer.delay().isZero() && !cancelRequested) {
                session.out().flush();
                timer = session.schedule(() -> {
                    timer = null;
                    phase = Phase.NOTICES;
                    session.resume();
                }, answer.delay().toNanos());
                return Step.WAIT;
            }
            phase = Phase.NOTICES;
        }
        if (phase == Phase.NOTICES) {
            // indexed loops: an iterator per list and statement is garbage on the hot path
            List<ErrorFields> notices = answer.notices();
            for (int i = 0; i < notices.size(); i++) {
                BackendMessages.noticeResponse(session.out().buf(), notices.get(i));
            }
            if (answer.fault() != null && answer.fault().afterRows() == null) {
                session.fault(answer.fault().reset());
                return Step.CLOSED;
            }
            phase = Phase.RESULT;
        }
        if (phase == Phase.RESULT) {
            Step step = writeResult(maxRows);
            if (step != Step.DONE) {
                return step;
            }
            phase = Phase.AFTER;
        }
        if (phase == Phase.AFTER) {
            phase = Phase.DONE;
            if (!failed) {
                List<Answer.ParameterChange> changes = answer.parameterStatus();
                for (int i = 0; i < changes.size(); i++) {
                    BackendMessages.parameterStatus(session.out().buf(), changes.get(i).name(), changes.get(i).value());
                }
                List<Runnable> afterSend = answer.afterSend();
                for (int i = 0; i < afterSend.size(); i++) {
                    afterSend.get(i).run();
                }
            }
        }
        return Step.DONE;
    }

    private Step writeResult(int maxRows) {
        ByteBuf out = session.out().buf();
        if (result instanceof Result.Command command) {
            BackendMessages.commandComplete(out, command.tag());
        } else if (result instanceof Result.Empty) {
            BackendMessages.emptyQueryResponse(out);
        } else if (result instanceof Result.Error error) {
            failed = true;
            BackendMessages.errorResponse(out, error.fields());
            if (error.fields().isFatal()) {
                session.closeAfterFlush();
                return Step.CLOSED;
            }
        } else if (result instanceof Result.Rows rows) {
            return writeRows(rows, maxRows);
        } else if (result instanceof Result.CopyIn copy) {
            if (!resultStarted) {
                resultStarted = true;
                copyIn = new CopyInData(copy, session.maxStatementSize());
                BackendMessages.copyResponse(out, 'G', copy.columnCount());
                session.out().flush();
                return Step.NEED_INPUT;
            }
        } else if (result instanceof Result.CopyOut copyOut) {
            return writeCopyOut(copyOut);
        }
        return Step.DONE;
    }

    private Step writeRows(Result.Rows rows, int maxRows) {
        if (!resultStarted) {
            resultStarted = true;
            if (sendRowDescription) {
                encoder.rowDescription(session.out().buf());
            }
        }
        Long faultAfter = answer.fault() == null ? null : answer.fault().afterRows();
        while (true) {
            if (cancelRequested) {
                failed = true;
                BackendMessages.errorResponse(session.out().buf(), canceled());
                return Step.DONE;
            }
            // a full fetch is answered as such: a client that fetches row by row reads all
            // after_rows rows, and the fault hits the fetch that would go past them
            if (maxRows > 0 && rowsThisExecute == maxRows) {
                rowsThisExecute = 0;
                BackendMessages.portalSuspended(session.out().buf());
                return Step.PORTAL_SUSPENDED;
            }
            if (faultAfter != null && rowsSent >= faultAfter) {
                session.fault(answer.fault().reset());
                return Step.CLOSED;
            }
            ByteBuf out = session.out().buf();
            int messageStart = out.writerIndex();
            try {
                Object[] row = rows.rows().next();
                if (row == null) {
                    BackendMessages.commandComplete(out, rows.tag(rowsThisExecute));
                    return Step.DONE;
                }
                encoder.dataRow(out, row);
            } catch (RuntimeException e) {
                out.writerIndex(messageStart);
                failed = true;
                BackendMessages.errorResponse(out, rowError(e));
                return Step.DONE;
            }
            rowsSent++;
            rowsThisExecute++;
            session.out().writeIfLarge();
            if (!session.out().channelWritable()) {
                session.out().flush();
                return Step.WAIT;
            }
        }
    }

    /** A row that cannot be produced or encoded ends the result like any error after some rows. */
    private static ErrorFields rowError(RuntimeException e) {
        if (e instanceof RowValueException misfit) {
            return misfit.fields();
        }
        return ErrorFields.error("XX000", "mockpg: cannot send row: " + e.getMessage());
    }

    private Step writeCopyOut(Result.CopyOut copy) {
        if (!resultStarted) {
            resultStarted = true;
            BackendMessages.copyResponse(session.out().buf(), 'H', copy.columns().size());
            if (copy.header()) {
                BackendMessages.copyData(session.out().buf(), CopyFormat.header(copy.columns()));
            }
        }
        while (true) {
            Object[] row;
            try {
                row = copy.rows().next();
            } catch (RuntimeException e) {
                failed = true;
                BackendMessages.errorResponse(session.out().buf(), rowError(e));
                return Step.DONE;
            }
            if (row == null) {
                BackendMessages.copyDone(session.out().buf());
                BackendMessages.commandComplete(session.out().buf(), copy.tag(rowsSent));
                return Step.DONE;
            }
            BackendMessages.copyData(session.out().buf(), CopyFormat.line(copy.columns(), row, copy.csv()));
            rowsSent++;
            session.out().writeIfLarge();
            if (!session.out().channelWritable()) {
                session.out().flush();
                return Step.WAIT;
            }
        }
    }

    /** The next frontend message while COPY FROM STDIN is in progress. */
    Step acceptCopy(FrontendMessage message) {
        if (copyIn.accept(message, session.out().buf())) {
            return Step.NEED_INPUT;
        }
        failed = copyIn.failed();
        phase = Phase.AFTER;
        return run(0);
    }
}
