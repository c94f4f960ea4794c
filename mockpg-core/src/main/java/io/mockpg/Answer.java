package io.mockpg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a stub answers (a script's {@code respond}, docs/script-reference.md): rows, a command
 * tag, an error or a fault, with notices, a delay and notifications. Made by the factories of
 * {@link MockPgDsl} ({@code rows}, {@code affected}, {@code tag}, {@code error}, {@code empty},
 * {@code copy}, {@code fault}); immutable, each method returns a changed copy, so an answer can
 * be shared between stubs.
 *
 * <p>The methods of an error ({@link #detail}, {@link #hint}, ...) belong to an answer made by
 * {@code error(code, message)}, and {@link #row} to one made by {@code rows(columns...)}; a
 * mix is refused when the stub is added, with what to change.
 */
public final class Answer {
    enum Kind { COMMAND, ROWS, ERROR, FAULT }

    final Kind kind;
    final List<Column> columns;
    final List<List<Object>> rows;
    final Long repeat;
    final String tag;
    final Long affected;
    final Error error;
    final List<Notice> notices;
    final Duration delay;
    final Fault fault;
    final Long faultAfterRows;
    final boolean faultReset;
    final List<String[]> notifications;
    final boolean copy;
    /** Methods called that do not fit this kind of answer, reported when the stub is added. */
    final List<String> misuses;

    /** SQLSTATE and fields of an error answer. */
    record Error(String code, String message, String severity, String detail, String hint, String schema,
                 String table, String column, String constraint, Integer position, String where, String dataType,
                 Integer internalPosition, String internalQuery, String file, Integer line, String routine) {
    }

    private Answer(Kind kind, List<Column> columns, List<List<Object>> rows, Long repeat, String tag, Long affected,
                   Error error, List<Notice> notices, Duration delay, Fault fault, Long faultAfterRows,
                   boolean faultReset, List<String[]> notifications, boolean copy, List<String> misuses) {
        this.kind = kind;
        this.columns = columns;
        this.rows = rows;
        this.repeat = repeat;
        this.tag = tag;
        this.affected = affected;
        this.error = error;
        this.notices = notices;
        this.delay = delay;
        this.fault = fault;
        this.faultAfterRows = faultAfterRows;
        this.faultReset = faultReset;
        this.notifications = notifications;
        this.copy = copy;
        this.misuses = misuses;
    }

    static Answer of(Kind kind) {
        return new Answer(kind, null, List.of(), null, null, null, null, List.of(), null, null, null, false, List.of(),
                false, List.of());
    }

    Answer withColumns(List<Column> newColumns) {
        return new Answer(kind, List.copyOf(newColumns), rows, repeat, tag, affected, error, notices, delay, fault,
                faultAfterRows, faultReset, notifications, copy, misuses);
    }

    Answer withError(Error newError) {
        return new Answer(kind, columns, rows, repeat, tag, affected, newError, notices, delay, fault, faultAfterRows,
                faultReset, notifications, copy, misuses);
    }

    Answer withFault(Fault newFault, Long afterRows, boolean reset) {
        return new Answer(kind, columns, rows, repeat, tag, affected, error, notices, delay, newFault, afterRows, reset,
                notifications, copy, misuses);
    }

    /** A row, one value per column, as plain Java values (docs/junit5.md lists the types). */
    public Answer row(Object... values) {
        List<List<Object>> more = new ArrayList<>(rows);
        more.add(values == null ? java.util.Collections.singletonList(null)
                : java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
        return new Answer(kind, columns, List.copyOf(more), repeat, tag, affected, error, notices, delay, fault,
                faultAfterRows, faultReset, notifications, copy, misused(kind != Kind.ROWS, "row(...)"));
    }

    /** Sends the rows this many times (large results); {@code {{row}}} in a value is the row number. */
    public Answer repeat(long times) {
        return new Answer(kind, columns, rows, times, tag, affected, error, notices, delay, fault, faultAfterRows,
                faultReset, notifications, copy, misused(kind != Kind.ROWS, "repeat(...)"));
    }

    /** The CommandComplete tag, e.g. {@code "UPDATE 3"}; wins over {@link #affected}. */
    public Answer tag(String newTag) {
        return new Answer(kind, columns, rows, repeat, newTag, affected, error, notices, delay, fault, faultAfterRows,
                faultReset, notifications, copy, misused(kind == Kind.ERROR || kind == Kind.FAULT, "tag(...)"));
    }

    /** The row count of the tag derived from the statement's verb ({@code INSERT 0 n}, {@code UPDATE n}, ...). */
    public Answer affected(long rowCount) {
        return new Answer(kind, columns, rows, repeat, tag, rowCount, error, notices, delay, fault, faultAfterRows,
                faultReset, notifications, copy, misused(kind == Kind.ERROR || kind == Kind.FAULT, "affected(...)"));
    }

    /** Marks a COPY answer: {@code COPY ... FROM STDIN} accepts the data, {@code TO STDOUT} sends the rows. */
    public Answer copy() {
        return new Answer(kind, columns, rows, repeat, tag, affected, error, notices, delay, fault, faultAfterRows,
                faultReset, notifications, true, misused(kind == Kind.ERROR || kind == Kind.FAULT, "copy()"));
    }

    /** A NoticeResponse sent before the answer; call again for more. */
    public Answer notice(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        List<Notice> more = new ArrayList<>(notices);
        more.add(notice);
        return new Answer(kind, columns, rows, repeat, tag, affected, error, List.copyOf(more), delay, fault,
                faultAfterRows, faultReset, notifications, copy, misuses);
    }

    /** NoticeResponses sent before the answer, in order. */
    public Answer notices(Notice... more) {
        Answer answer = this;
        for (Notice notice : more) {
            answer = answer.notice(notice);
        }
        return answer;
    }

    /** Waits this long before answering; a CancelRequest ends the wait with 57014. */
    public Answer delay(Duration wait) {
        return new Answer(kind, columns, rows, repeat, tag, affected, error, notices, wait, fault, faultAfterRows,
                faultReset, notifications, copy, misuses);
    }

    /** A NotificationResponse delivered to every session listening on {@code channel}. */
    public Answer notify(String channel, String payload) {
        List<String[]> more = new ArrayList<>(notifications);
        more.add(new String[] {channel, payload});
        return new Answer(kind, columns, rows, repeat, tag, affected, error, notices, delay, fault, faultAfterRows,
                faultReset, List.copyOf(more), copy, misuses);
    }

    /** Closes the connection after this many rows of the answer were sent (a script's {@code after_rows}). */
    public Answer closeAfterRows(long sent) {
        return withFault(Fault.CONNECTION_CLOSED, sent, false);
    }

    /** Resets the connection (TCP RST) after this many rows of the answer were sent. */
    public Answer resetAfterRows(long sent) {
        return withFault(Fault.CONNECTION_RESET, sent, true);
    }

    /** ERROR (the default) or FATAL (the connection is then closed). */
    public Answer severity(String severity) {
        return errorField("severity(...)", e -> new Error(e.code, e.message, severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's DETAIL line. */
    public Answer detail(String detail) {
        return errorField("detail(...)", e -> new Error(e.code, e.message, e.severity, detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's HINT line. */
    public Answer hint(String hint) {
        return errorField("hint(...)", e -> new Error(e.code, e.message, e.severity, e.detail, hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's schema name field. */
    public Answer schema(String schema) {
        return errorField("schema(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's table name field. */
    public Answer table(String table) {
        return errorField("table(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's column name field. */
    public Answer column(String column) {
        return errorField("column(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's constraint name field. */
    public Answer constraint(String constraint) {
        return errorField("constraint(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's cursor position (1-based, in characters of the statement). */
    public Answer position(int position) {
        return errorField("position(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's Where field: the context it happened in, e.g. {@code PL/pgSQL function f() line 3 at RAISE}. */
    public Answer where(String where) {
        return errorField("where(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's data type name field. */
    public Answer dataType(String dataType) {
        return errorField("dataType(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, e.routine));
    }

    /** The error's internal position (1-based, in characters of {@link #internalQuery}). */
    public Answer internalPosition(int internalPosition) {
        return errorField("internalPosition(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint,
                e.schema, e.table, e.column, e.constraint, e.position, e.where, e.dataType, internalPosition,
                e.internalQuery, e.file, e.line, e.routine));
    }

    /** The error's internal query: the statement the server generated that failed (e.g. inside a function). */
    public Answer internalQuery(String internalQuery) {
        return errorField("internalQuery(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint,
                e.schema, e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition,
                internalQuery, e.file, e.line, e.routine));
    }

    /** The error's File field: the server source file that reported it ({@code psql}'s LOCATION). */
    public Answer file(String file) {
        return errorField("file(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                file, e.line, e.routine));
    }

    /** The error's Line field: the line in {@link #file}. */
    public Answer line(int line) {
        return errorField("line(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, line, e.routine));
    }

    /** The error's Routine field: the server source routine that reported it. */
    public Answer routine(String routine) {
        return errorField("routine(...)", e -> new Error(e.code, e.message, e.severity, e.detail, e.hint, e.schema,
                e.table, e.column, e.constraint, e.position, e.where, e.dataType, e.internalPosition, e.internalQuery,
                e.file, e.line, routine));
    }

    private Answer errorField(String method, java.util.function.UnaryOperator<Error> change) {
        if (kind != Kind.ERROR) {
            return new Answer(kind, columns, rows, repeat, tag, affected, error, notices, delay, fault, faultAfterRows,
                    faultReset, notifications, copy, misused(true, method));
        }
        return withError(change.apply(error));
    }

    private List<String> misused(boolean misused, String method) {
        if (!misused) {
            return misuses;
        }
        List<String> more = new ArrayList<>(misuses);
        more.add(method);
        return List.copyOf(more);
    }
}
