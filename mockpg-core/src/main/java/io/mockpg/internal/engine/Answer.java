package io.mockpg.internal.engine;

import io.mockpg.internal.sql.TransactionEffect;

import java.time.Duration;
import java.util.List;

/**
 * Everything the protocol layer sends for one statement, in this order: wait {@code delay}
 * (cancellable: a CancelRequest turns the answer into 57014), send {@code notices}, then the
 * {@code result} (unless {@code fault} fires first, after {@code fault.afterRows} rows),
 * then run {@code afterSend} (e.g. notification delivery). {@code parameterStatus} changes are sent after the result.
 * The protocol layer then applies {@code transaction}, the statement's effect on the session's
 * transaction, unless the answer failed.
 *
 * @param notices         NoticeResponses before the result
 * @param delay           wait before answering, or null
 * @param result          what to answer
 * @param fault           connection fault, or null
 * @param afterSend       actions to run once the result is written (notification delivery, ...)
 * @param parameterStatus ParameterStatus messages to send after the result (name, value pairs)
 * @param transaction     what the statement does to the transaction ({@code SqlStatement.transactionEffect})
 */
public record Answer(List<ErrorFields> notices, Duration delay, Result result, Fault fault,
                     List<Runnable> afterSend, List<ParameterChange> parameterStatus, TransactionEffect transaction) {
    public Answer {
        notices = notices == null ? List.of() : notices;
        afterSend = afterSend == null ? List.of() : afterSend;
        parameterStatus = parameterStatus == null ? List.of() : parameterStatus;
        transaction = transaction == null ? TransactionEffect.NONE : transaction;
    }

    /** An answer of a statement that does not touch the transaction. */
    public Answer(List<ErrorFields> notices, Duration delay, Result result, Fault fault, List<Runnable> afterSend,
                  List<ParameterChange> parameterStatus) {
        this(notices, delay, result, fault, afterSend, parameterStatus, TransactionEffect.NONE);
    }

    public static Answer of(Result result) {
        return new Answer(List.of(), null, result, null, List.of(), List.of(), TransactionEffect.NONE);
    }

    /** This answer for a statement with this effect on the transaction. */
    public Answer withTransaction(TransactionEffect effect) {
        return effect == transaction ? this
                : new Answer(notices, delay, result, fault, afterSend, parameterStatus, effect);
    }

    /** A connection fault. afterRows null: before the result. */
    public record Fault(boolean reset, Long afterRows) {
    }

    /** A reported setting that changed. */
    public record ParameterChange(String name, String value) {
    }
}
