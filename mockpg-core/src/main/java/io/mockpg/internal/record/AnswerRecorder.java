package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import java.util.List;

/**
 * Adds a statement's finished answer to the {@link Recording} as a rule's: the statement's text
 * and parameters made a rule's match, the answer made script terms. Leaves out what a replay
 * answers by itself: the built-ins' statements and refusals in a failed transaction.
 */
final class AnswerRecorder {
    private static final int[] NO_OIDS = new int[0];
    /** SQLSTATE of a statement sent in a failed transaction: "current transaction is aborted". */
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private final Recording recording;
    private final StatementTemplates templates;
    private final ColumnTypes columnTypes;
    /** The round being traced to be kept, or null. */
    private RoundTrace trace;

    AnswerRecorder(Recording recording, StatementTemplates templates, ColumnTypes columnTypes) {
        this.recording = recording;
        this.templates = templates;
        this.columnTypes = columnTypes;
    }

    /** Tells {@code trace} (or null: nobody) what is added to the recording. */
    void trace(RoundTrace trace) {
        this.trace = trace;
    }

    /** A statement of a simple Query, which has no parameters but its literals. */
    void record(String sql, AnswerInProgress answer, String tag, BackendMessage.ErrorResponse error) {
        record(templates.of(sql), NO_OIDS, false, List.of(), answer, tag, error);
    }

    /** A portal's answer so far. */
    void record(ExtendedQueryState.Portal portal, String tag, BackendMessage.ErrorResponse error) {
        record(portal.statement, portal.params, portal.answer(), tag, error);
    }

    /** A prepared statement's execution with these bound values (as text). */
    void record(ExtendedQueryState.Statement statement, List<String> params, AnswerInProgress answer, String tag,
                BackendMessage.ErrorResponse error) {
        if (statement.template == null) {
            statement.template = templates.of(statement.sql);
        }
        record(statement.template, statement.paramOids, statement.described, params, answer, tag, error);
    }

    private void record(StatementTemplate template, int[] paramOids, boolean described, List<String> params,
                        AnswerInProgress answer, String tag, BackendMessage.ErrorResponse error) {
        if (template.builtin()) {
            return; // driver chatter, answered by the built-ins on replay
        }
        if (error != null && IN_FAILED_TRANSACTION.equals(error.sqlState())) {
            return; // the statement was refused, not answered: a replay refuses it from its own transaction state
        }
        List<String> texts = RuleParameters.texts(template.slots(), params);
        RuleTerms terms = new RuleTerms(template, texts, paramOids, described);
        RecordedAnswer recorded = answer.recorded(tag, error, columnTypes);
        Recording.Run run = recording.add(template.normalized(), texts, terms, recorded);
        if (trace != null) {
            trace.added(run);
        }
    }
}
