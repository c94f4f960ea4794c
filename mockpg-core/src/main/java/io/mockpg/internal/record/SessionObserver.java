package io.mockpg.internal.record;

import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.respond.CopyCommand;
import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.sql.Parameterized;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.StatementSplitter;
import io.mockpg.internal.upstream.BackendMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows one recorded session's conversation, message by message in both directions, and
 * adds each statement's answer to the {@link Recording}: frontend requests queue what they
 * expect back (PostgreSQL documentation, "Message Flow"), backend messages fulfil the head of
 * the queue. It only reads: what is forwarded is decided elsewhere. Used on one event loop.
 */
final class SessionObserver {
    private static final short TEXT = 0;
    private static final int[] NO_OIDS = new int[0];
    /** SQLSTATE of a statement sent in a failed transaction: "current transaction is aborted". */
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private final Recording recording;
    private final Builtins builtins;
    private final ColumnTypes columnTypes;
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    /**
     * Portals whose last Execute stopped at its row limit (PortalSuspended) and were not resumed
     * yet: asyncpg's fetchval and fetchrow ask for one row and never finish the portal.
     */
    private final List<Portal> suspended = new ArrayList<>();
    private final ArrayDeque<Expected> expected = new ArrayDeque<>();

    SessionObserver(Recording recording, Builtins builtins, ColumnTypes columnTypes) {
        this.recording = recording;
        this.builtins = builtins;
        this.columnTypes = columnTypes;
    }

    /** A prepared statement: its text and parameter types (from Parse, completed by Describe). */
    private static final class Prepared {
        final String sql;
        int[] paramOids;
        /** The server reported paramOids in a ParameterDescription: a replay reports them too. */
        boolean described;
        List<BackendMessage.Field> fields;
        /** Worked out at its first answer, for every later execution. */
        Template template;

        Prepared(String sql, int[] paramOids) {
            this.sql = sql;
            this.paramOids = paramOids;
        }
    }

    /** A bound portal and the answer being gathered for it across Executes. */
    private static final class Portal {
        final Prepared statement;
        final List<String> params;
        final short[] resultFormats;
        List<BackendMessage.Field> fields;
        Answer answer;

        Portal(Prepared statement, List<String> params, short[] resultFormats) {
            this.statement = statement;
            this.params = params;
            this.resultFormats = resultFormats;
        }
    }

    /** What one frontend request is answered with, in order. */
    private sealed interface Expected {
    }

    private record SimpleQuery(List<String> sqls, int[] index, Answer[] current) implements Expected {
    }

    private record ParseStep(String name, Prepared statement) implements Expected {
    }

    private record BindStep(Portal portal) implements Expected {
    }

    /**
     * Resolved when the Describe is sent: a Close sent right behind it in the same batch (r2dbc
     * closes each portal after its Execute) removes the name before the description comes back.
     */
    private record DescribeStep(Prepared statement, Portal portal) implements Expected {
    }

    private record ExecuteStep(Portal portal) implements Expected {
    }

    private record Other() implements Expected {
    }

    private record SyncStep() implements Expected {
    }

    /**
     * What a statement's text decides about recording it, whatever its bind parameters: whether
     * the built-ins answer it, and if not its rule text ({@link Parameterized#sql()}), the
     * values in its slots (a bound one's text null: it comes from each execution) and the key.
     */
    private record Template(boolean builtin, String sql, List<Parameterized.Value> slots, String normalized) {
        static final Template BUILTIN = new Template(true, null, List.of(), null);
    }

    /** The answer to one statement while it arrives. */
    private static final class Answer {
        List<BackendMessage.Field> fields;
        short[] formats;
        final List<List<Object>> rows = new ArrayList<>();
        final List<Map<Character, String>> notices = new ArrayList<>();
        boolean copy;
        /** COPY TO STDOUT: the data sent, read back into rows when the answer is recorded. */
        CopyOutRows copyOut;
        /** COPY FROM STDIN: the CopyInResponse's column count. */
        int copyInColumns;
    }

    void fromClient(FrontendMessage message) {
        if (message instanceof FrontendMessage.Query query) {
            List<String> sqls = StatementSplitter.split(query.sql());
            expected.add(new SimpleQuery(sqls, new int[1], new Answer[1]));
        } else if (message instanceof FrontendMessage.Parse parse) {
            // known at once: a pipelined Bind names it before ParseComplete comes back
            Prepared statement = new Prepared(parse.sql(), parse.paramOids());
            statements.put(parse.name(), statement);
            expected.add(new ParseStep(parse.name(), statement));
        } else if (message instanceof FrontendMessage.Bind bind) {
            Prepared statement = statements.get(bind.statement());
            if (statement == null) {
                expected.add(new Other()); // the server answers with an error, which is not recorded
                return;
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < bind.values().length; i++) {
                short format = bind.paramFormats().length == 0 ? TEXT
                        : bind.paramFormats()[bind.paramFormats().length == 1 ? 0 : i];
                int oid = i < statement.paramOids.length ? statement.paramOids[i] : 0;
                params.add(ValueText.text(bind.values()[i], format, oid));
            }
            Portal portal = new Portal(statement, params, bind.resultFormats());
            expected.add(new BindStep(portal));
            portals.put(bind.portal(), portal);
        } else if (message instanceof FrontendMessage.Describe describe) {
            expected.add(describe.kind() == 'S' ? new DescribeStep(statements.get(describe.name()), null)
                    : new DescribeStep(null, portals.get(describe.name())));
        } else if (message instanceof FrontendMessage.Execute execute) {
            Portal portal = portals.get(execute.portal());
            expected.add(portal == null ? new Other() : new ExecuteStep(portal));
        } else if (message instanceof FrontendMessage.Close close) {
            expected.add(new Other());
            if (close.kind() == 'S') {
                statements.remove(close.name());
            } else {
                portals.remove(close.name());
            }
        } else if (message instanceof FrontendMessage.Sync) {
            expected.add(new SyncStep());
        }
    }

    void fromServer(BackendMessage message) {
        if (message instanceof BackendMessage.ParameterStatus || message instanceof BackendMessage.NotificationResponse) {
            return; // asynchronous: not part of any statement's answer
        }
        if (message instanceof BackendMessage.ReadyForQuery ready && ready.status() == 'I') {
            recordSuspended();
        }
        Expected head = expected.peek();
        if (head == null) {
            return;
        }
        if (head instanceof SimpleQuery query) {
            simpleQuery(query, message);
        } else if (head instanceof ExecuteStep execute) {
            execute(execute, message);
        } else if (message instanceof BackendMessage.ErrorResponse) {
            failedBatch(head, (BackendMessage.ErrorResponse) message);
        } else if (message instanceof BackendMessage.NoticeResponse) {
            return;
        } else if (head instanceof DescribeStep describe) {
            describe(describe, message);
        } else {
            expected.poll(); // BindComplete, CloseComplete, ReadyForQuery
        }
    }

    private void describe(DescribeStep describe, BackendMessage message) {
        if (message instanceof BackendMessage.ParameterDescription parameters) {
            Prepared statement = describe.statement();
            if (statement != null) {
                statement.paramOids = parameters.typeOids();
                statement.described = true;
            }
            return;
        }
        List<BackendMessage.Field> fields = message instanceof BackendMessage.RowDescription row ? row.fields() : null;
        if (describe.statement() != null) {
            describe.statement().fields = fields;
        } else {
            Portal portal = describe.portal();
            if (portal != null) {
                portal.fields = fields;
                // a driver that described one portal of a statement (pgjdbc) executes the next ones without a Describe
                if (portal.statement.fields == null) {
                    portal.statement.fields = fields;
                }
            }
        }
        expected.poll();
    }

    /** After an error the server skips the batch's remaining messages up to Sync. */
    private void failedBatch(Expected head, BackendMessage.ErrorResponse error) {
        if (head instanceof BindStep bind) {
            Answer answer = new Answer();
            record(bind.portal().statement, bind.portal().params, answer, null, error);
        } else if (head instanceof ParseStep parse) {
            statements.remove(parse.name());
            record(parse.statement(), List.of(), new Answer(), null, error);
        }
        while (!expected.isEmpty() && !(expected.peek() instanceof SyncStep)) {
            expected.poll();
        }
    }

    private void execute(ExecuteStep step, BackendMessage message) {
        Portal portal = step.portal();
        if (portal.answer == null) {
            portal.answer = new Answer();
            // a Describe of the portal, else of its statement, told the columns
            portal.answer.fields = portal.fields != null ? portal.fields : portal.statement.fields;
            portal.answer.formats = portal.resultFormats;
        }
        Answer answer = portal.answer;
        if (message instanceof BackendMessage.DataRow row) {
            answer.rows.add(row(answer, row));
        } else if (message instanceof BackendMessage.NoticeResponse notice) {
            answer.notices.add(notice.fields());
        } else if (message instanceof BackendMessage.Empty empty && empty.type() == 's') {
            expected.poll(); // PortalSuspended: the next Execute goes on with the same answer
            if (!suspended.contains(portal)) {
                suspended.add(portal);
            }
        } else if (message instanceof BackendMessage.CommandComplete complete) {
            record(portal.statement, portal.params, answer, complete.tag(), null);
            portal.answer = null;
            suspended.remove(portal);
            expected.poll();
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            record(portal.statement, portal.params, answer, null, error);
            portal.answer = null;
            suspended.remove(portal);
            failedBatch(step, error);
        } else if (message instanceof BackendMessage.CopyResponse copy) {
            copyStarted(answer, portal.statement.sql, copy);
        } else if (message instanceof BackendMessage.CopyData data && answer.copyOut != null) {
            answer.copyOut.data(data.data());
        } else if (message instanceof BackendMessage.Empty) {
            portal.answer = null;
            expected.poll(); // EmptyQueryResponse
        }
    }

    /**
     * Out of a transaction no portal survives: a suspended one's rows are all its statement
     * answered, recorded without a tag (a replay derives it from the verb).
     */
    private void recordSuspended() {
        for (Portal portal : suspended) {
            if (portal.answer != null) {
                record(portal.statement, portal.params, portal.answer, null, null);
                portal.answer = null;
            }
        }
        suspended.clear();
    }

    private void simpleQuery(SimpleQuery query, BackendMessage message) {
        Answer answer = query.current()[0];
        if (answer == null) {
            answer = new Answer();
            query.current()[0] = answer;
        }
        String sql = query.index()[0] < query.sqls().size() ? query.sqls().get(query.index()[0]) : null;
        if (message instanceof BackendMessage.RowDescription row) {
            answer.fields = row.fields();
        } else if (message instanceof BackendMessage.DataRow row) {
            answer.rows.add(row(answer, row));
        } else if (message instanceof BackendMessage.NoticeResponse notice) {
            answer.notices.add(notice.fields());
        } else if (message instanceof BackendMessage.CopyResponse copy) {
            copyStarted(answer, sql, copy);
        } else if (message instanceof BackendMessage.CopyData data && answer.copyOut != null) {
            answer.copyOut.data(data.data());
        } else if (message instanceof BackendMessage.CommandComplete complete) {
            if (sql != null) {
                record(sql, NO_OIDS, List.of(), answer, complete.tag(), null);
            }
            nextStatement(query);
        } else if (message instanceof BackendMessage.ErrorResponse error) {
            if (sql != null) {
                record(sql, NO_OIDS, List.of(), answer, null, error);
            }
            query.index()[0] = query.sqls().size(); // the rest of the string is not run
            query.current()[0] = null;
        } else if (message instanceof BackendMessage.Empty empty && empty.type() == 'I') {
            nextStatement(query);
        } else if (message instanceof BackendMessage.ReadyForQuery) {
            expected.poll();
        }
    }

    private void copyStarted(Answer answer, String sql, BackendMessage.CopyResponse response) {
        answer.copy = true;
        CopyCommand command = sql == null ? null : CopyCommand.of(SqlStatement.parse(sql.strip()));
        if (response.type() == 'H') {
            boolean binary = response.format() == 1;
            answer.copyOut = new CopyOutRows(command != null && command.csv(), command != null && command.header(),
                    response.columnFormats().length, binary);
            if (binary) {
                columnTypes.warn("COPY in binary format: its rows are not recorded (a script sends text or CSV): " + sql);
            }
        } else if (response.type() == 'G' && command != null && command.columnCount() < 0) {
            answer.copyInColumns = response.columnFormats().length;
        }
    }

    /** A COPY's columns, all text: its CopyResponse gives their number, not their types. */
    private static List<RecordedColumn> copyColumns(List<String> names) {
        List<RecordedColumn> columns = new ArrayList<>(names.size());
        for (String name : names) {
            columns.add(new RecordedColumn(name, "text", null));
        }
        return List.copyOf(columns);
    }

    private static void nextStatement(SimpleQuery query) {
        query.index()[0]++;
        query.current()[0] = null;
    }

    private List<Object> row(Answer answer, BackendMessage.DataRow row) {
        List<Object> values = new ArrayList<>(row.values().size());
        for (int i = 0; i < row.values().size(); i++) {
            BackendMessage.Field field = answer.fields != null && i < answer.fields.size() ? answer.fields.get(i) : null;
            short format = format(answer, field, i);
            values.add(ValueText.natural(row.values().get(i), format, field == null ? 0 : field.typeOid()));
        }
        return values;
    }

    private static short format(Answer answer, BackendMessage.Field field, int column) {
        if (answer.formats != null) {
            return answer.formats.length == 0 ? TEXT : answer.formats[answer.formats.length == 1 ? 0 : column];
        }
        return field == null ? TEXT : field.format();
    }

    private void record(Prepared statement, List<String> params, Answer answer, String tag,
                        BackendMessage.ErrorResponse error) {
        if (statement.template == null) {
            statement.template = template(statement.sql);
        }
        record(statement.template, statement.paramOids, statement.described, params, answer, tag, error);
    }

    private void record(String sql, int[] paramOids, List<String> params, Answer answer, String tag,
                        BackendMessage.ErrorResponse error) {
        record(template(sql), paramOids, false, params, answer, tag, error);
    }

    private Template template(String sql) {
        SqlStatement statement = SqlStatement.parse(sql.strip());
        if (builtins.answers(statement)) {
            return Template.BUILTIN;
        }
        Parameterized parameterized = Parameterized.of(statement, List.of());
        return new Template(false, parameterized.sql(), parameterized.values(),
                SqlStatement.parse(parameterized.sql()).normalized());
    }

    private void record(Template template, int[] paramOids, boolean described, List<String> params, Answer answer,
                        String tag, BackendMessage.ErrorResponse error) {
        if (template.builtin()) {
            return; // driver chatter, answered by the built-ins on replay
        }
        if (error != null && IN_FAILED_TRANSACTION.equals(error.sqlState())) {
            return; // the statement was refused, not answered: a replay refuses it from its own transaction state
        }
        List<String> texts = new ArrayList<>(template.slots().size());
        List<Object> values = new ArrayList<>(template.slots().size());
        for (Parameterized.Value value : template.slots()) {
            String text = value.kind() != Parameterized.Kind.BOUND ? value.text()
                    : value.parameter() >= 1 && value.parameter() <= params.size() ? params.get(value.parameter() - 1) : null;
            texts.add(text);
            values.add(switch (value.kind()) {
                case BOOLEAN -> Boolean.valueOf(text);
                case NUMBER -> new PlainScalar(text);
                case BOUND -> ValueText.parameter(text, value.parameter() <= paramOids.length
                        ? paramOids[value.parameter() - 1] : 0);
                default -> text;
            });
        }
        List<RecordedColumn> columns = null;
        List<List<Object>> rows = answer.rows;
        if (answer.fields != null && error == null) {
            columns = new ArrayList<>();
            for (BackendMessage.Field field : answer.fields) {
                columns.add(columnTypes.column(field));
            }
        } else if (answer.copyOut != null && !answer.copyOut.binary() && error == null) {
            columns = copyColumns(answer.copyOut.names());
            rows = answer.copyOut.rows();
        } else if (answer.copyInColumns > 0 && error == null) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= answer.copyInColumns; i++) {
                names.add("column" + i);
            }
            columns = copyColumns(names);
        }
        RecordedAnswer recorded = new RecordedAnswer(columns == null ? null : List.copyOf(columns),
                List.copyOf(rows), tag, error == null ? null : error.fields(), List.copyOf(answer.notices),
                answer.copy);
        recording.add(template.normalized(), java.util.Collections.unmodifiableList(texts), template.sql(),
                java.util.Collections.unmodifiableList(values), described ? paramTypes(template.slots(), paramOids) : null,
                recorded);
    }

    /**
     * The reported parameter types by name, when the rule's {@code $n} are the statement's own
     * (no literal turned into a placeholder) and a script can name every type; else null.
     */
    private static List<String> paramTypes(List<Parameterized.Value> values, int[] paramOids) {
        if (values.size() != paramOids.length || paramOids.length == 0) {
            return null;
        }
        List<String> names = new ArrayList<>(paramOids.length);
        for (int i = 0; i < paramOids.length; i++) {
            String name = ValueText.typeName(paramOids[i]);
            if (values.get(i).kind() != Parameterized.Kind.BOUND || values.get(i).parameter() != i + 1 || name == null) {
                return null;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "SessionObserver" + Arrays.toString(expected.toArray());
    }
}
