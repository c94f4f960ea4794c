package io.mockpg.internal.respond;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.sql.SqlStatement;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** An {@code error} or {@code notices} entry with its string fields compiled as templates. */
record ErrorTemplate(String severity, Template code, Template message, Template detail, Template hint,
                     Template schema, Template table, Template column, Template constraint, Integer position,
                     Template where, Template dataType, Integer internalPosition, Template internalQuery,
                     Template file, Integer line, Template routine) {

    static ErrorTemplate of(Response.ErrorSpec spec) {
        return new ErrorTemplate(spec.severity() == null ? "ERROR" : spec.severity(), Template.compile(spec.code()),
                Template.compile(spec.message()), Template.compile(spec.detail()), Template.compile(spec.hint()),
                Template.compile(spec.schema()), Template.compile(spec.table()), Template.compile(spec.column()),
                Template.compile(spec.constraint()), spec.position(), Template.compile(spec.where()),
                Template.compile(spec.dataType()), spec.internalPosition(), Template.compile(spec.internalQuery()),
                Template.compile(spec.file()), spec.line(), Template.compile(spec.routine()));
    }

    static ErrorTemplate of(Response.NoticeSpec spec) {
        Template none = Template.compile(null);
        return new ErrorTemplate(spec.severity() == null ? "NOTICE" : spec.severity(),
                Template.compile(spec.code() == null ? "00000" : spec.code()), Template.compile(spec.message()),
                Template.compile(spec.detail()), Template.compile(spec.hint()), none, none, none, none, null,
                Template.compile(spec.where()), none, null, none, Template.compile(spec.file()), spec.line(),
                Template.compile(spec.routine()));
    }

    /** The statements PostgreSQL analyses when it parses them (the others are analysed as they run). */
    private static final Set<String> ANALYSED_AT_PARSE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
            "VALUES", "TABLE", "WITH");
    private static final TemplateValues NO_VALUES = new TemplateValues(List.of(), null, Set.of(), null, null);

    /** Whether the error may be one PostgreSQL raises at Parse (class 42), before the statement is known. */
    boolean mayBeRaisedAtParse() {
        String sqlState = code.render(NO_VALUES);
        return sqlState != null && sqlState.startsWith("42");
    }

    /**
     * Whether PostgreSQL raises this error while it parses and analyses the statement, that is in
     * answer to Parse (PostgreSQL documentation, "Extended Query"): a syntax error at a position
     * (the parser's), and for the statements analysed at Parse any other error of class 42
     * (undefined table, column, function, …) but 42501, a permission the executor checks. An error
     * with a context (where, internal query) was raised while running something.
     */
    boolean raisedAtParse(SqlStatement statement) {
        String sqlState = code.render(NO_VALUES);
        if (sqlState == null || !sqlState.startsWith("42") || where.render(NO_VALUES) != null
                || internalQuery.render(NO_VALUES) != null) {
            return false;
        }
        if (sqlState.equals("42601") && position != null) {
            return true;
        }
        return !sqlState.equals("42501") && ANALYSED_AT_PARSE.contains(statement.verb().toUpperCase(Locale.ROOT));
    }

    /** The context PostgreSQL gives an error in converting a bind parameter (PostgreSQL 15's postgres.c). */
    private static final Pattern BIND_PARAMETER_CONTEXT =
            Pattern.compile("^(unnamed portal|portal \".*\") parameter \\$[0-9]+( = .*)?$");

    /** Whether the error may be one PostgreSQL raises at Bind, converting a parameter. */
    boolean raisedAtBind() {
        String context = where.render(NO_VALUES);
        return context != null && BIND_PARAMETER_CONTEXT.matcher(context).matches();
    }

    ErrorFields render(TemplateValues values) {
        String text = message.render(values);
        return new ErrorFields(severity, code.render(values), text == null ? "" : text, detail.render(values),
                hint.render(values), position, where.render(values), schema.render(values), table.render(values),
                column.render(values), dataType.render(values), constraint.render(values), internalPosition,
                internalQuery.render(values), file.render(values), line, routine.render(values));
    }
}
