package io.mockpg.internal.respond;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.CommandTag;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.RowValueException;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.NotificationHub;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import io.mockpg.internal.types.TypeModifiers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code respond} entry prepared when the rules are loaded: result columns resolved,
 * rows and templates compiled, so that answering a statement only renders what is dynamic.
 */
final class CompiledResponse {
    private final List<ResultColumn> columns;
    private final CompiledRows rows;
    private final long repeat;
    private final Template tag;
    private final Long affected;
    private final ErrorTemplate error;
    private final List<ErrorTemplate> notices;
    private final Duration delay;
    private final Answer.Fault fault;
    private final List<Template[]> notifications;
    private final boolean copy;

    /** @throws IllegalArgumentException for an unknown column type */
    CompiledResponse(String ruleName, Response response) {
        this.columns = response.columns() == null ? null : resultColumns(ruleName, response.columns());
        this.rows = new CompiledRows(ruleName, columns == null ? List.of() : columns, response.rows());
        this.repeat = response.repeat();
        this.tag = response.tag() == null ? null : Template.compile(response.tag());
        this.affected = response.affected();
        this.error = response.error() == null ? null : ErrorTemplate.of(response.error());
        this.notices = response.notices().stream().map(ErrorTemplate::of).toList();
        this.delay = response.delay();
        this.fault = response.fault() == null ? null
                : new Answer.Fault(response.fault().type() == Response.FaultType.RESET, response.fault().afterRows());
        this.notifications = response.notifications().stream()
                .map(n -> new Template[] {Template.compile(n.channel()), Template.compile(n.payload())})
                .toList();
        this.copy = response.copy();
    }

    /** The result columns, or null when the response returns no rows. */
    List<ResultColumn> columns() {
        return columns;
    }

    boolean copy() {
        return copy;
    }

    /** Whether this answer may be an error PostgreSQL raises at Parse (docs/script-reference.md, "error"). */
    boolean mayFailAtParse() {
        return error != null && error.mayBeRaisedAtParse();
    }

    /** Whether PostgreSQL would answer Parse of the statement with this answer's error. */
    boolean failsAtParse(SqlStatement statement) {
        return error != null && error.raisedAtParse(statement);
    }

    /**
     * Whether PostgreSQL would answer Bind with this answer's error: one it raised converting a
     * parameter, as its context ({@code where}) says, e.g. "unnamed portal parameter $1 = '...'".
     */
    boolean failsAtBind() {
        return error != null && error.raisedAtBind();
    }

    /** This answer's error, rendered: the answer to Parse or Bind when {@link #failsAtParse} or {@link #failsAtBind}. */
    ErrorFields error(TemplateValues values) {
        return error.render(values);
    }

    /** Renders the answer to one statement. */
    Answer answer(SqlStatement statement, TemplateValues values, int sessionId, NotificationHub hub) {
        List<ErrorFields> renderedNotices = notices.isEmpty() ? List.of() : renderAll(notices, values);
        List<Runnable> afterSend = notifications.isEmpty() ? List.of() : notifier(values, sessionId, hub);
        Result result;
        try {
            result = result(statement, values);
        } catch (RowValueException misfit) {
            result = new Result.Error(misfit.fields());
        }
        return new Answer(renderedNotices, delay, result, fault, afterSend, List.of());
    }

    private Result result(SqlStatement statement, TemplateValues values) {
        if (error != null) {
            return new Result.Error(error.render(values));
        }
        String fixedTag = tag == null ? null : tag.render(values);
        if (copy) {
            CopyCommand command = CopyCommand.of(statement);
            if (command != null && command.fromStdin()) {
                int count = command.columnCount() >= 0 ? command.columnCount() : columns == null ? 0 : columns.size();
                String copyTag = fixedTag != null ? fixedTag : affected != null ? CommandTag.counted("COPY", affected) : null;
                return new Result.CopyIn(count, command.csv(), copyTag, command.header());
            }
            if (command != null && command.toStdout()) {
                String copyTag = fixedTag != null ? fixedTag : affected != null ? CommandTag.counted("COPY", affected) : null;
                return new Result.CopyOut(columns == null ? List.of() : columns, rowSource(values), command.csv(),
                        copyTag, command.header());
            }
        }
        if (columns != null) {
            String verb = CommandTags.countingVerb(statement);
            if (fixedTag == null && verb == null) {
                fixedTag = CommandTags.words(statement);
            }
            return new Result.Rows(columns, rowSource(values), fixedTag, verb, affected);
        }
        if (statement.verb().isEmpty() && fixedTag == null) {
            return new Result.Empty();
        }
        return new Result.Command(fixedTag != null ? fixedTag : CommandTags.tag(statement, affected == null ? 0 : affected));
    }

    private RepeatingRowSource rowSource(TemplateValues values) {
        return new RepeatingRowSource(rows, rows.resolve(values), repeat, values);
    }

    private List<Runnable> notifier(TemplateValues values, int sessionId, NotificationHub hub) {
        List<Runnable> actions = new ArrayList<>(notifications.size());
        for (Template[] notification : notifications) {
            String channel = notification[0].render(values);
            String payload = notification[1].render(values);
            actions.add(() -> hub.notify(channel, payload == null ? "" : payload, sessionId));
        }
        return actions;
    }

    private static List<ErrorFields> renderAll(List<ErrorTemplate> templates, TemplateValues values) {
        List<ErrorFields> rendered = new ArrayList<>(templates.size());
        for (ErrorTemplate template : templates) {
            rendered.add(template.render(values));
        }
        return rendered;
    }

    private static List<ResultColumn> resultColumns(String ruleName, List<Response.Column> columns) {
        List<ResultColumn> result = new ArrayList<>(columns.size());
        for (Response.Column column : columns) {
            PgType type = PgTypes.byName(column.type());
            if (type == null) {
                throw new IllegalArgumentException("rule \"" + ruleName + "\": unknown type \"" + column.type()
                        + "\" for column \"" + column.name() + "\"");
            }
            result.add(new ResultColumn(column.name(), type, TypeModifiers.of(column.type(), type)));
        }
        return List.copyOf(result);
    }
}
