package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;

import java.time.Duration;
import java.util.List;

/** Shorthands for the answers built-in statements give. */
final class Answers {
    private Answers() {
    }

    static Answer command(String tag) {
        return Answer.of(new Result.Command(tag));
    }

    static Answer command(String tag, List<ParameterChange> changes) {
        return new Answer(List.of(), null, new Result.Command(tag), null, List.of(), changes);
    }

    /** The tag, preceded by a WARNING NoticeResponse. */
    static Answer warning(String tag, String code, String message) {
        ErrorFields notice = new ErrorFields("WARNING", code, message, null, null, null, null, null, null, null,
                null, null);
        return new Answer(List.of(notice), null, new Result.Command(tag), null, List.of(), List.of());
    }

    static Answer error(String code, String message) {
        return Answer.of(new Result.Error(ErrorFields.error(code, message)));
    }

    static Result.Rows rows(List<ResultColumn> columns, List<Object[]> rows) {
        return new Result.Rows(columns, new StaticRows(rows), null, "SELECT", null);
    }

    static Answer select(List<ResultColumn> columns, List<Object[]> rows) {
        return Answer.of(rows(columns, rows));
    }

    static Answer full(Result result, Duration delay, List<Runnable> afterSend, List<ParameterChange> changes) {
        return new Answer(List.of(), delay, result, null, afterSend, changes);
    }
}
