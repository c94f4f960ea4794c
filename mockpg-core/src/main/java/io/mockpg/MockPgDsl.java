package io.mockpg;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.respond.FaultAnswers;

import java.util.List;
import java.util.Objects;

/**
 * Stubbing and verifying in Java, the equivalent of every script key (docs/junit5.md):
 *
 * <pre>{@code
 * import static io.mockpg.MockPgDsl.*;
 *
 * server.stub(statement("SELECT id, name FROM users WHERE id = $1").withParams(42)
 *         .willReturn(rows(column("id", "int4"), column("name", "text")).row(42, "Alice")));
 * server.verify(1, statement("SELECT id, name FROM users WHERE id = $1").withParams(42));
 * }</pre>
 */
public final class MockPgDsl {
    private MockPgDsl() {
    }

    /** Statements equal to {@code sql} once normalized; a {@code $n} matches a bind parameter or a literal. */
    public static StatementPattern statement(String sql) {
        return StatementPattern.of(Objects.requireNonNull(sql, "sql"), null);
    }

    /** Statements in which this Java regex is found (anchor with {@code ^...$}); named groups feed templates. */
    public static StatementPattern regex(String regex) {
        return StatementPattern.of(null, Objects.requireNonNull(regex, "regex"));
    }

    /** Every statement (narrow it with params, user or database). */
    public static StatementPattern anyStatement() {
        return StatementPattern.of(null, null);
    }

    /** A parameter of any value, NULL included. */
    public static ParamPattern anyParam() {
        return ParamPattern.any();
    }

    /** A parameter whose text form contains a match of this Java regex. */
    public static ParamPattern paramMatching(String regex) {
        return ParamPattern.regex(regex);
    }

    /** A result column: name and PostgreSQL type name ({@code int4}, {@code text}, {@code numeric}, {@code int4[]}, ...). */
    public static Column column(String name, String type) {
        return new Column(name, type);
    }

    /** A row-returning answer with these columns; add rows with {@link Answer#row}. */
    public static Answer rows(Column... columns) {
        return Answer.of(Answer.Kind.ROWS).withColumns(List.of(columns));
    }

    /** A command answer whose tag, derived from the statement's verb, counts this many rows ({@code UPDATE 1}). */
    public static Answer affected(long rowCount) {
        return Answer.of(Answer.Kind.COMMAND).affected(rowCount);
    }

    /** A command answer with this exact tag, e.g. {@code "CREATE TABLE"}. */
    public static Answer tag(String tag) {
        return Answer.of(Answer.Kind.COMMAND).tag(tag);
    }

    /** A command answer with the tag derived from the statement's verb and no rows. */
    public static Answer empty() {
        return Answer.of(Answer.Kind.COMMAND);
    }

    /** A COPY answer: {@code COPY ... FROM STDIN} accepts the data ({@code rows(...).copy()} for {@code TO STDOUT}). */
    public static Answer copy() {
        return Answer.of(Answer.Kind.COMMAND).copy();
    }

    /** An ErrorResponse with this SQLSTATE and message; add the other fields with {@link Answer#detail} etc. */
    public static Answer error(String code, String message) {
        return Answer.of(Answer.Kind.ERROR)
                .withError(new Answer.Error(code, message, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /** The answer a real PostgreSQL, or the network in front of it, gives when it fails this way. */
    public static Answer fault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        ErrorFields sent = FaultAnswers.errorOf(fault);   // the fields PostgreSQL sends, as fault sweeps play them
        if (sent != null) {
            Answer answer = error(sent.code(), sent.message()).severity(sent.severity());
            return sent.hint() == null ? answer : answer.hint(sent.hint());
        }
        return switch (fault) {
            case CONNECTION_CLOSED -> Answer.of(Answer.Kind.FAULT).withFault(fault, null, false);
            case CONNECTION_RESET -> Answer.of(Answer.Kind.FAULT).withFault(fault, null, true);
            case CLOSED_MID_RESULT -> Answer.of(Answer.Kind.FAULT).withFault(fault, 1L, false);
            default -> throw new IllegalStateException("an error fault: " + fault);
        };
    }

    /** A NoticeResponse for {@link Answer#notice}. */
    public static Notice notice(String message) {
        return Notice.of(Objects.requireNonNull(message, "message"));
    }

    /** A command answer that delivers a NotificationResponse to every session listening on {@code channel}. */
    public static Answer notification(String channel, String payload) {
        return empty().notify(channel, payload);
    }
}
