package io.mockpg.internal.record;

import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.record.ExtendedQueryState.Portal;
import io.mockpg.internal.record.ExtendedQueryState.Statement;
import io.mockpg.internal.record.PendingExchanges.BindStep;
import io.mockpg.internal.record.PendingExchanges.DescribeStep;
import io.mockpg.internal.record.PendingExchanges.Exchange;
import io.mockpg.internal.record.PendingExchanges.ExecuteStep;
import io.mockpg.internal.record.PendingExchanges.Other;
import io.mockpg.internal.record.PendingExchanges.ParseStep;
import io.mockpg.internal.record.PendingExchanges.SimpleQuery;
import io.mockpg.internal.record.PendingExchanges.SyncStep;
import io.mockpg.internal.upstream.BackendMessage;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Follows one recorded session's conversation, message by message in both directions, and
 * adds each statement's answer to the {@link Recording}: frontend requests queue what they
 * expect back (PostgreSQL documentation, "Message Flow"), backend messages fulfil the head of
 * the queue. It only reads: what is forwarded is decided elsewhere. Used on one event loop.
 * It routes; the {@link PendingExchanges}, the {@link ExtendedQueryState}, each
 * {@link AnswerInProgress} and the {@link AnswerRecorder} hold what it learns.
 */
final class SessionObserver {
    private final ColumnTypes columnTypes;
    private final StatementTemplates templates;
    private final AnswerRecorder recorder;
    private final ExtendedQueryState extended = new ExtendedQueryState();
    private final PendingExchanges pending = new PendingExchanges();
    private final Recording recording;
    private final RepeatedRounds rounds = new RepeatedRounds();
    /** The last ReadyForQuery's transaction status ('I' after the startup's). */
    private char status = 'I';

    SessionObserver(Recording recording, StatementTemplates templates, ColumnTypes columnTypes) {
        this.columnTypes = columnTypes;
        this.templates = templates;
        this.recording = recording;
        this.recorder = new AnswerRecorder(recording, templates, columnTypes);
    }

    /** Whether every request has its answer and no transaction is open: a round may begin. */
    boolean idle() {
        return pending.head() == null && status == 'I';
    }

    /** The kept round the client's bytes of an idle session begin (see {@link RepeatedRounds}), or null. */
    RepeatedRounds.Round repeated(ByteBuf clientBytes) {
        return rounds.find(clientBytes);
    }

    /** Whether these server bytes are the round's from {@code offset}. */
    boolean repeats(RepeatedRounds.Round round, int offset, ByteBuf data, int index, int length) {
        return rounds.serverMatches(round, offset, data, index, length);
    }

    /** The round came again, byte for byte: recorded as it was the first time, without following it. */
    void repeat(RepeatedRounds.Round round) {
        RepeatedRounds.repeat(round, extended, recording);
    }

    /** Traces the round that these client bytes begin (of an idle session), to be kept at its end. */
    RoundTrace beginRound(byte[] clientBytes) {
        RoundTrace trace = new RoundTrace(clientBytes);
        extended.trace(trace);
        recorder.trace(trace);
        return trace;
    }

    /** The traced round ended (its ReadyForQuery was followed) or was given up: kept if it can be. */
    void endRound(RoundTrace trace) {
        extended.trace(null);
        recorder.trace(null);
        if (idle() && trace.keepable()) {
            rounds.keep(trace);
        }
    }

    void fromClient(FrontendMessage message) {
        if (message instanceof FrontendMessage.Query query) {
            pending.add(new SimpleQuery(templates.statements(query.sql())));
        } else if (message instanceof FrontendMessage.Parse parse) {
            // known at once: a pipelined Bind names it before ParseComplete comes back
            Statement statement = extended.parsed(parse.name(), parse.sql(), parse.paramOids());
            pending.add(new ParseStep(parse.name(), statement));
        } else if (message instanceof FrontendMessage.Bind bind) {
            Statement statement = extended.statement(bind.statement());
            if (statement == null) {
                pending.add(Other.INSTANCE); // the server answers with an error, which is not recorded
                return;
            }
            List<String> params = RuleParameters.bound(bind, statement.paramOids);
            pending.add(new BindStep(extended.bound(bind.portal(), statement, params, bind.resultFormats())));
        } else if (message instanceof FrontendMessage.Describe describe) {
            pending.add(describe.kind() == 'S' ? new DescribeStep(extended.statement(describe.name()), null)
                    : new DescribeStep(null, extended.portal(describe.name())));
        } else if (message instanceof FrontendMessage.Execute execute) {
            Portal portal = extended.portal(execute.portal());
            pending.add(portal == null ? Other.INSTANCE : new ExecuteStep(portal));
        } else if (message instanceof FrontendMessage.Close close) {
            pending.add(Other.INSTANCE);
            extended.closed(close.kind(), close.name());
        } else if (message instanceof FrontendMessage.Sync) {
            pending.add(SyncStep.INSTANCE);
        }
    }

    void fromServer(BackendMessage message) {
        if (message instanceof BackendMessage.ParameterStatus || message instanceof BackendMessage.NotificationResponse) {
            return; // asynchronous: not part of any statement's answer
        }
        if (message instanceof BackendMessage.ReadyForQuery ready) {
            status = ready.status();
            if (status == 'I') {
                extended.transactionEnded(recorder);
            }
        }
        Exchange head = pending.head();
        if (head == null) {
            return;
        }
        if (head instanceof SimpleQuery query) {
            simpleQuery(query, message);
        } else if (head instanceof ExecuteStep execute) {
            execute(execute.portal(), message);
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            failedBatch(head, error);
        } else if (message instanceof BackendMessage.NoticeResponse) {
            return;
        } else if (head instanceof DescribeStep describe) {
            describe(describe, message);
        } else {
            pending.answered(); // ParseComplete, BindComplete, CloseComplete, ReadyForQuery
        }
    }

    private void describe(DescribeStep describe, BackendMessage message) {
        if (message instanceof BackendMessage.ParameterDescription parameters) {
            if (describe.statement() != null) {
                describe.statement().parameterTypes(parameters.typeOids());
            }
            return; // a statement's RowDescription or NoData follows
        }
        List<BackendMessage.Field> fields = message instanceof BackendMessage.RowDescription row ? row.fields() : null;
        if (describe.statement() != null) {
            describe.statement().resultColumns(fields);
        } else if (describe.portal() != null) {
            describe.portal().resultColumns(fields);
        }
        pending.answered();
    }

    /** A Parse or Bind the server refused: recorded as its statement's answer, and the batch skipped. */
    private void failedBatch(Exchange head, BackendMessage.ErrorResponse error) {
        if (head instanceof BindStep bind) {
            recorder.record(bind.portal().statement, bind.portal().params, new AnswerInProgress(null, null), null, error);
        } else if (head instanceof ParseStep parse) {
            extended.parseFailed(parse.name());
            recorder.record(parse.statement(), List.of(), new AnswerInProgress(null, null), null, error);
        }
        pending.skipToSync();
    }

    private void execute(Portal portal, BackendMessage message) {
        if (portal.answer().gather(message, portal.statement.sql, columnTypes)) {
            return;
        }
        if (message instanceof BackendMessage.Empty empty && empty.type() == 's') {
            pending.answered(); // PortalSuspended: the next Execute goes on with the same answer
            extended.suspended(portal);
        } else if (message instanceof BackendMessage.CommandComplete complete) {
            recorder.record(portal, complete.tag(), null);
            extended.finished(portal);
            pending.answered();
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            recorder.record(portal, null, error);
            extended.finished(portal);
            pending.skipToSync();
        } else if (message instanceof BackendMessage.Empty) {
            portal.endAnswer();
            pending.answered(); // EmptyQueryResponse
        }
    }

    private void simpleQuery(SimpleQuery query, BackendMessage message) {
        AnswerInProgress answer = query.answer();
        String sql = query.sql();
        if (answer.gather(message, sql, columnTypes)) {
            return;
        }
        if (message instanceof BackendMessage.RowDescription row) {
            answer.columns(row.fields());
        } else if (message instanceof BackendMessage.CommandComplete complete) {
            if (sql != null) {
                recorder.record(sql, answer, complete.tag(), null);
            }
            query.next();
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            if (sql != null) {
                recorder.record(sql, answer, null, error);
            }
            query.abandon();
        } else if (message instanceof BackendMessage.Empty empty && empty.type() == 'I') {
            query.next();
        } else if (message instanceof BackendMessage.ReadyForQuery) {
            pending.answered();
        }
    }

    @Override
    public String toString() {
        return "SessionObserver" + pending;
    }
}
