package io.mockpg.internal.respond;

import io.mockpg.Fault;
import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;

import java.util.List;

/**
 * A {@link Fault} as PostgreSQL plays it on the wire, in place of a rule's answer. The error
 * faults carry the severity, SQLSTATE and message PostgreSQL 15 sends for them (captured from
 * a real server: {@code pg_terminate_backend}, two serializable transactions, a deadlock, a
 * cancel); docs/resilience.md lists them.
 */
public final class FaultAnswers {
    private FaultAnswers() {
    }

    /**
     * @param fault  the fault to play
     * @param answer the rule's own answer: {@link Fault#CLOSED_MID_RESULT} sends its first row
     *               before closing (a result without rows is closed before anything is sent)
     */
    public static Answer of(Fault fault, Answer answer) {
        ErrorFields error = errorOf(fault);
        if (error != null) {
            return Answer.of(new Result.Error(error));
        }
        return switch (fault) {
            case CONNECTION_CLOSED -> connectionFault(false, null);
            case CONNECTION_RESET -> connectionFault(true, null);
            case CLOSED_MID_RESULT -> answer.result() instanceof Result.Rows
                    ? new Answer(List.of(), null, answer.result(), new Answer.Fault(false, 1L), List.of(), List.of())
                    : connectionFault(false, null);
            default -> throw new IllegalStateException("an error fault: " + fault);
        };
    }

    /** The ErrorResponse an error fault sends, or null for a connection fault. */
    public static ErrorFields errorOf(Fault fault) {
        return switch (fault) {
            case SERIALIZATION_FAILURE -> ErrorFields.error("40001", "could not serialize access due to concurrent update");
            case DEADLOCK -> ErrorFields.error("40P01", "deadlock detected").withHint("See server log for query details.");
            case ADMIN_SHUTDOWN -> ErrorFields.fatal("57P01", "terminating connection due to administrator command");
            case QUERY_CANCELED -> ErrorFields.error("57014", "canceling statement due to user request");
            default -> null;
        };
    }

    /** The SQLSTATE of an error fault, or null for a connection fault. */
    public static String sqlState(Fault fault) {
        ErrorFields error = errorOf(fault);
        return error == null ? null : error.code();
    }

    private static Answer connectionFault(boolean reset, Long afterRows) {
        return new Answer(List.of(), null, new Result.Command(""), new Answer.Fault(reset, afterRows), List.of(),
                List.of());
    }
}
