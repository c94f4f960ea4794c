package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.backend.RowEncoder;
import io.mockpg.internal.protocol.frontend.FormatCodes;
import io.mockpg.internal.protocol.frontend.FrontendMessage;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parse, Bind, Describe, Execute and Close (PostgreSQL's extended query protocol:
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY) against
 * the session's prepared statements and portals, which it owns. After an error it asks the
 * session to skip to Sync; the end of each statement is {@link StatementEnd}'s.
 */
final class ExtendedProtocol {
    /** What the extended protocol needs of its session. */
    interface Session extends AnswerWriter.Connection {
        /** An error was written: flush it, and skip what the client sent up to Sync. */
        void skipToSync();
    }

    private static final short[] ALL_TEXT = new short[0];

    private final Session session;
    private final GuardedEngine engine;
    private final StatementEnd end;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** The named portals; the unnamed one, bound and dropped once per extended batch, has its own slot. */
    private final Map<String, Portal> portals = new HashMap<>();
    private Portal unnamedPortal;

    ExtendedProtocol(Session session, GuardedEngine engine, StatementEnd end) {
        this.session = session;
        this.engine = engine;
        this.end = end;
    }

    /** Portals die with the transaction they were bound in, as in PostgreSQL. */
    void transactionEnded() {
        unnamedPortal = null;
        if (!portals.isEmpty()) {
            portals.clear();
        }
    }

    void parse(FrontendMessage.Parse parse) {
        ErrorFields tooLarge = StatementSize.tooLarge(parse.sql(), session.maxStatementSize());
        if (tooLarge != null) {
            fail(tooLarge);
            return;
        }
        if (refused(parse.sql())) {
            return;
        }
        if (!parse.name().isEmpty() && statements.containsKey(parse.name())) {
            fail(ErrorFields.error("42P05", "prepared statement \"" + parse.name() + "\" already exists"));
            return;
        }
        ErrorFields parseError = engine.parseError(parse.sql());
        if (parseError != null) {
            fail(parseError);
            return;
        }
        statements.put(parse.name(), new PreparedStatement(parse.sql(), parse.paramOids()));
        BackendMessages.parseComplete(session.out().buf());
    }

    void bind(FrontendMessage.Bind bind) {
        PreparedStatement statement = statements.get(bind.statement());
        if (statement == null) {
            fail(noSuchStatement(bind.statement()));
            return;
        }
        if (refused(statement.sql())) {
            return;
        }
        String portalName = bind.portal();
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            fail(ErrorFields.error("42P03", "portal \"" + bind.portal() + "\" already exists"));
            return;
        }
        int count = bind.values().length;
        short[] formats = bind.paramFormats();
        if (!FormatCodes.fit(formats, count)) {
            fail(ErrorFields.error("08P01", "bind message has " + formats.length + " parameter formats but "
                    + count + " parameters"));
            return;
        }
        int[] oids = BindParameters.types(statement, count, formats, engine);
        List<String> params;
        try {
            params = BindParameters.texts(bind.values(), formats, oids);
        } catch (BindParameters.Undecodable e) {
            fail(ErrorFields.error("22P03", "incorrect binary data format in bind parameter " + e.number));
            return;
        }
        ErrorFields bindError = engine.bindError(statement.sql(), params);
        if (bindError != null) {
            fail(bindError);
            return;
        }
        Portal portal = new Portal(statement, params, oids, bind.resultFormats());
        if (portalName.isEmpty()) {
            unnamedPortal = portal;
        } else {
            portals.put(portalName, portal);
        }
        BackendMessages.bindComplete(session.out().buf());
    }

    void describe(FrontendMessage.Describe describe) {
        if (describe.kind() == 'S') {
            describeStatement(describe.name());
            return;
        }
        Portal portal = portal(describe.name());
        if (portal == null) {
            fail(noSuchPortal(describe.name()));
            return;
        }
        AnswerWriter writer = writerFor(portal);
        if (writer.result() instanceof Result.Rows) {
            writer.encoder().rowDescription(session.out().buf());
        } else {
            BackendMessages.noData(session.out().buf());
        }
    }

    private void describeStatement(String name) {
        PreparedStatement statement = statements.get(name);
        if (statement == null) {
            fail(noSuchStatement(name));
            return;
        }
        Description description = statement.description(engine);
        if (!engine.answerable(statement.sql())) {
            // the unmatched-statement error, with parameters still unknown (NULL)
            int[] paramOids = description.paramOids();
            Answer answer = engine.answer(statement.sql(), Collections.nCopies(paramOids.length, null), paramOids,
                    true);
            if (answer.result() instanceof Result.Error error) {
                fail(error.fields());
                return;
            }
        }
        BackendMessages.parameterDescription(session.out().buf(), description.paramOids());
        if (description.columns() == null) {
            BackendMessages.noData(session.out().buf());
        } else {
            new RowEncoder(description.columns(), ALL_TEXT).rowDescription(session.out().buf());
        }
    }

    /** Execute: the portal's answer streams as a job (it may wait for a delay or writability). */
    Job execute(FrontendMessage.Execute execute) {
        Portal portal = portal(execute.portal());
        if (portal == null) {
            fail(noSuchPortal(execute.portal()));
            return null;
        }
        if (refused(portal.statement.sql())) {
            return null;
        }
        if (portal.completed) {
            // A finished portal yields no more rows, as in PostgreSQL.
            BackendMessages.commandComplete(session.out().buf(), portal.writer.result() instanceof Result.Rows rows
                    ? rows.tag(0) : "SELECT 0");
            return null;
        }
        return new ExecuteJob(portal, execute.maxRows());
    }

    private AnswerWriter writerFor(Portal portal) {
        if (portal.writer == null) {
            Answer answer = engine.answer(portal.statement.sql(), portal.params, portal.paramOids, true);
            if (answer.result() instanceof Result.Rows rows
                    && !FormatCodes.fit(portal.resultFormats, rows.columns().size())) {
                answer = Answer.of(new Result.Error(ErrorFields.error("08P01", "bind message has "
                        + portal.resultFormats.length + " result formats but query has " + rows.columns().size()
                        + " columns")));
            }
            portal.writer = new AnswerWriter(session, answer, portal.resultFormats, false);
        }
        return portal.writer;
    }

    void close(FrontendMessage.Close close) {
        if (close.kind() == 'S') {
            statements.remove(close.name());
        } else if (close.name().isEmpty()) {
            unnamedPortal = null;
        } else {
            portals.remove(close.name());
        }
        BackendMessages.closeComplete(session.out().buf());
    }

    private Portal portal(String name) {
        return name.isEmpty() ? unnamedPortal : portals.get(name);
    }

    private boolean refused(String sql) {
        if (end.refused(sql, true)) {
            session.skipToSync();
            return true;
        }
        return false;
    }

    private void fail(ErrorFields fields) {
        end.failed(fields);
        if (fields.isFatal()) {
            session.closeAfterFlush();
        } else {
            session.skipToSync();
        }
    }

    private static ErrorFields noSuchStatement(String name) {
        return ErrorFields.error("26000", name.isEmpty() ? "unnamed prepared statement does not exist"
                : "prepared statement \"" + name + "\" does not exist");
    }

    private static ErrorFields noSuchPortal(String name) {
        return ErrorFields.error("34000", "portal \"" + name + "\" does not exist");
    }

    /** One Execute of a portal. */
    private final class ExecuteJob implements Job {
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
            if (!end.answered(writer)) {
                session.skipToSync();
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
