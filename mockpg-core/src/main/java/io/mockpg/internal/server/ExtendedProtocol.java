package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.backend.RowEncoder;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.session.PreparedStatement;
import io.mockpg.internal.session.TransactionVerb;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Parse, Bind, Describe, Execute and Close (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY) against the session's statements and
 * portals. Errors go through {@link SessionExecutor#extendedError}, which skips to Sync.
 */
final class ExtendedProtocol {
    private final SessionExecutor session;

    ExtendedProtocol(SessionExecutor session) {
        this.session = session;
    }

    void parse(FrontendMessage.Parse parse) {
        session.extendedMessageSeen();
        PreparedStatement statement = new PreparedStatement(parse.name(), parse.sql(), parse.paramOids());
        if (session.transaction().rejects(statement.verb())) {
            rejectInFailedTransaction(parse.sql());
            return;
        }
        if (!parse.name().isEmpty() && session.statements().containsKey(parse.name())) {
            session.extendedError(ErrorFields.error("42P05",
                    "prepared statement \"" + parse.name() + "\" already exists"), TransactionVerb.NONE);
            return;
        }
        session.statements().put(parse.name(), statement);
        BackendMessages.parseComplete(session.out().buf());
    }

    void bind(FrontendMessage.Bind bind) {
        session.extendedMessageSeen();
        PreparedStatement statement = session.statements().get(bind.statement());
        if (statement == null) {
            session.extendedError(noSuchStatement(bind.statement()), TransactionVerb.NONE);
            return;
        }
        TransactionVerb verb = statement.verb();
        if (session.transaction().rejects(verb)) {
            rejectInFailedTransaction(statement.sql());
            return;
        }
        if (!bind.portal().isEmpty() && session.portals().containsKey(bind.portal())) {
            session.extendedError(ErrorFields.error("42P03", "portal \"" + bind.portal() + "\" already exists"), TransactionVerb.NONE);
            return;
        }
        int count = bind.values().length;
        short[] formats = bind.paramFormats();
        if (formats.length > 1 && formats.length != count) {
            session.extendedError(ErrorFields.error("08P01", "bind message has " + formats.length
                    + " parameter formats but " + count + " parameters"), TransactionVerb.NONE);
            return;
        }
        int[] oids = parameterOids(statement, count, formats);
        List<String> params = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = bind.values()[i];
            boolean binary = formats.length != 0 && (formats.length == 1 ? formats[0] : formats[i]) == 1;
            String text = value == null ? null : binary ? binaryParameter(oids[i], value)
                    : new String(value, StandardCharsets.UTF_8);
            if (value != null && text == null) {
                session.extendedError(ErrorFields.error("22P03",
                        "incorrect binary data format in bind parameter " + (i + 1)), TransactionVerb.NONE);
                return;
            }
            params.add(text);
        }
        session.portals().put(bind.portal(), new Portal(bind.portal(), statement, params, oids, bind.resultFormats(),
                verb));
        BackendMessages.bindComplete(session.out().buf());
    }

    /** Parse's OIDs, completed from the statement's description only when a binary value needs a type. */
    private int[] parameterOids(PreparedStatement statement, int count, short[] formats) {
        int[] client = statement.clientOids();
        boolean needsDescription = false;
        for (int i = 0; i < count; i++) {
            boolean binary = formats.length != 0 && (formats.length == 1 ? formats[0] : formats[i]) == 1;
            if (binary && (i >= client.length || client[i] == 0)) {
                needsDescription = true;
            }
        }
        if (!needsDescription) {
            return client.length == count ? client : Arrays.copyOf(client, count);
        }
        int[] described = description(statement).paramOids();
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = i < client.length && client[i] != 0 ? client[i] : i < described.length ? described[i] : PgTypes.TEXT.oid();
        }
        return oids;
    }

    /** A binary parameter's text form, or null when it does not decode. */
    private static String binaryParameter(int oid, byte[] value) {
        PgType type = PgTypes.byOid(oid);
        if (type == null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        try {
            return type.toText(type.fromBinary(value));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private Description description(PreparedStatement statement) {
        if (statement.description() == null) {
            statement.describedAs(session.describe(statement.sql(), statement.clientOids()));
        }
        return statement.description();
    }

    void describe(FrontendMessage.Describe describe) {
        session.extendedMessageSeen();
        if (describe.kind() == 'S') {
            PreparedStatement statement = session.statements().get(describe.name());
            if (statement == null) {
                session.extendedError(noSuchStatement(describe.name()), TransactionVerb.NONE);
                return;
            }
            Description description = description(statement);
            if (!session.answerable(statement.sql())) {
                // the unmatched-statement error, with parameters still unknown (NULL)
                int[] paramOids = description.paramOids();
                Answer answer = session.answer(statement.sql(), Collections.nCopies(paramOids.length, null),
                        paramOids, true);
                if (answer.result() instanceof Result.Error error) {
                    session.extendedError(error.fields(), TransactionVerb.NONE);
                    return;
                }
            }
            BackendMessages.parameterDescription(session.out().buf(), description.paramOids());
            if (description.columns() == null) {
                BackendMessages.noData(session.out().buf());
            } else {
                new RowEncoder(description.columns(), SessionExecutor.allText()).rowDescription(session.out().buf());
            }
            return;
        }
        Portal portal = session.portals().get(describe.name());
        if (portal == null) {
            session.extendedError(noSuchPortal(describe.name()), TransactionVerb.NONE);
            return;
        }
        AnswerWriter writer = writerFor(portal);
        if (writer.result() instanceof Result.Rows) {
            writer.encoder().rowDescription(session.out().buf());
        } else {
            BackendMessages.noData(session.out().buf());
        }
    }

    /** Execute: the portal's answer streams as a job (it may wait for a delay or writability). */
    SessionExecutor.Job execute(FrontendMessage.Execute execute) {
        session.extendedMessageSeen();
        Portal portal = session.portals().get(execute.portal());
        if (portal == null) {
            session.extendedError(noSuchPortal(execute.portal()), TransactionVerb.NONE);
            return null;
        }
        if (session.transaction().rejects(portal.verb)) {
            rejectInFailedTransaction(portal.statement.sql());
            return null;
        }
        if (portal.completed) {
            // A finished portal yields no more rows, as in PostgreSQL.
            BackendMessages.commandComplete(session.out().buf(), portal.writer.result() instanceof Result.Rows rows
                    ? Tags.forRows(rows, 0) : "SELECT 0");
            return null;
        }
        return new ExecuteJob(portal, execute.maxRows());
    }

    private AnswerWriter writerFor(Portal portal) {
        if (portal.writer == null) {
            Answer answer = session.answer(portal.statement.sql(), portal.params, portal.paramOids, true);
            if (answer.result() instanceof Result.Rows rows
                    && !RowEncoder.formatsFit(portal.resultFormats, rows.columns().size())) {
                answer = Answer.of(new Result.Error(ErrorFields.error("08P01", "bind message has "
                        + portal.resultFormats.length + " result formats but query has " + rows.columns().size()
                        + " columns")));
            }
            portal.writer = new AnswerWriter(session, answer,
                    SessionExecutor.encoderFor(answer.result(), portal.resultFormats), false);
        }
        return portal.writer;
    }

    void close(FrontendMessage.Close close) {
        session.extendedMessageSeen();
        if (close.kind() == 'S') {
            session.statements().remove(close.name());
        } else {
            session.portals().remove(close.name());
        }
        BackendMessages.closeComplete(session.out().buf());
    }

    private void rejectInFailedTransaction(String sql) {
        session.engine().recordRejected(new StatementRequest(sql, List.of(), SessionExecutor.noOids(), true, 'E'));
        session.extendedError(ErrorFields.error("25P02", SimpleQueryJob.ABORTED), TransactionVerb.NONE);
    }

    private static ErrorFields noSuchStatement(String name) {
        return ErrorFields.error("26000", name.isEmpty() ? "unnamed prepared statement does not exist"
                : "prepared statement \"" + name + "\" does not exist");
    }

    private static ErrorFields noSuchPortal(String name) {
        return ErrorFields.error("34000", "portal \"" + name + "\" does not exist");
    }

    /** One Execute of a portal. */
    private final class ExecuteJob implements SessionExecutor.Job {
        private final Portal portal;
        private final int maxRows;

        ExecuteJob(Portal portal, int maxRows) {
            this.portal = portal;
            this.maxRows = maxRows;
        }

        @Override
        public AnswerWriter.Step run() {
            AnswerWriter writer = writerFor(portal);
            AnswerWriter.Step step = writer.run(maxRows);
            if (step == AnswerWriter.Step.DONE) {
                finished(writer);
            }
            return step == AnswerWriter.Step.PORTAL_SUSPENDED ? AnswerWriter.Step.DONE : step;
        }

        private void finished(AnswerWriter writer) {
            portal.completed = true;
            if (writer.failed()) {
                session.transaction().afterError(portal.verb);
                session.skipToSync();
                return;
            }
            ErrorFields error = session.transaction().afterSuccess(portal.verb);
            if (error != null) {
                session.extendedError(error, TransactionVerb.NONE);
            }
        }

        @Override
        public AnswerWriter.Step accept(FrontendMessage message) {
            AnswerWriter.Step step = portal.writer.acceptCopy(message);
            if (step == AnswerWriter.Step.DONE) {
                finished(portal.writer);
            }
            return step;
        }

        @Override
        public void cancel() {
            portal.writer.cancel();
        }
    }
}
