package io.mockpg.internal.respond;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.script.Response;

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

    ErrorFields render(TemplateValues values) {
        String text = message.render(values);
        return new ErrorFields(severity, code.render(values), text == null ? "" : text, detail.render(values),
                hint.render(values), position, where.render(values), schema.render(values), table.render(values),
                column.render(values), dataType.render(values), constraint.render(values), internalPosition,
                internalQuery.render(values), file.render(values), line, routine.render(values));
    }
}
