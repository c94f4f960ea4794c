package io.mockpg.internal.server;

import io.mockpg.JournalEntry;
import io.mockpg.internal.session.OpenTransaction;
import io.mockpg.internal.session.TransactionStatus;
import io.netty.util.concurrent.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * The sessions left inside a transaction block (status {@code T} or {@code E}) at the end of a
 * test: each session is asked once its in-flight statements were answered, so a statement
 * still running is waited for; an idle pooled connection is not.
 */
public final class OpenTransactions {
    private OpenTransactions() {
    }

    /**
     * A session inside a transaction block.
     *
     * @param statements the statements of its open transaction, in order; empty when it was
     *                   still running a statement after the wait ({@code status} null then)
     */
    public record LeftOpen(int sessionId, String user, TransactionStatus status, List<JournalEntry> statements) {
    }

    /**
     * @param sessions the server's sessions
     * @param include  which session ids to look at
     * @param wait     how long in all to wait for statements in flight
     */
    public static List<LeftOpen> find(Collection<SessionHandler> sessions, IntPredicate include, Duration wait)
            throws InterruptedException {
        List<SessionHandler> asked = new ArrayList<>();
        List<Future<OpenTransaction>> answers = new ArrayList<>();
        for (SessionHandler session : sessions) {
            if (include.test(session.sessionId())) {
                asked.add(session);
                answers.add(session.openTransactionWhenIdle());
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        List<LeftOpen> open = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            SessionHandler session = asked.get(i);
            try {
                OpenTransaction transaction = answers.get(i)
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (transaction.status() != TransactionStatus.IDLE) {
                    open.add(new LeftOpen(session.sessionId(), session.user(), transaction.status(),
                            transaction.statements()));
                }
            } catch (TimeoutException e) {
                open.add(new LeftOpen(session.sessionId(), session.user(), null, List.of()));
            } catch (ExecutionException e) {
                // the session's loop is gone with its channel: nothing is left open there
            }
        }
        return open;
    }
}
