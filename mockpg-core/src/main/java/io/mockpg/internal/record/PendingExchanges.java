package io.mockpg.internal.record;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The frontend requests of one session still waiting for their answers, in the order sent: the
 * server answers a pipeline in order (PostgreSQL documentation, "Message Flow", "Pipelining"),
 * so the next backend message belongs to the head.
 */
final class PendingExchanges {
    /** What one frontend request is answered with. */
    sealed interface Exchange {
    }

    /** A Query: its statements (split as the server runs them) answered one after another. */
    static final class SimpleQuery implements Exchange {
        private final List<String> sqls;
        private int index;
        private AnswerInProgress answer;

        SimpleQuery(List<String> sqls) {
            this.sqls = sqls;
        }

        /** The statement being answered, or null past the last one found in the text. */
        String sql() {
            return index < sqls.size() ? sqls.get(index) : null;
        }

        AnswerInProgress answer() {
            if (answer == null) {
                answer = new AnswerInProgress(null, null);
            }
            return answer;
        }

        /** CommandComplete or EmptyQueryResponse: the next statement's answer follows. */
        void next() {
            index++;
            answer = null;
        }

        /** ErrorResponse: the rest of the string is not run. */
        void abandon() {
            index = sqls.size();
            answer = null;
        }

        @Override
        public String toString() {
            return "SimpleQuery[" + index + " of " + sqls + "]";
        }
    }

    record ParseStep(String name, ExtendedQueryState.Statement statement) implements Exchange {
    }

    record BindStep(ExtendedQueryState.Portal portal) implements Exchange {
    }

    /**
     * A Describe of a statement or of a portal, resolved when it is sent: a Close sent right
     * behind it in the same batch (r2dbc closes each portal after its Execute) removes the name
     * before the description comes back. Null when the name is unknown.
     */
    record DescribeStep(ExtendedQueryState.Statement statement, ExtendedQueryState.Portal portal) implements Exchange {
    }

    record ExecuteStep(ExtendedQueryState.Portal portal) implements Exchange {
    }

    /** Answered with nothing recorded (CloseComplete, or an error for an unknown name). */
    record Other() implements Exchange {
        static final Other INSTANCE = new Other();
    }

    record SyncStep() implements Exchange {
        static final SyncStep INSTANCE = new SyncStep();
    }

    private final ArrayDeque<Exchange> pending = new ArrayDeque<>();

    void add(Exchange exchange) {
        pending.add(exchange);
    }

    /** The exchange the next backend message belongs to, or null. */
    Exchange head() {
        return pending.peek();
    }

    /** The head's answer is complete. */
    void answered() {
        pending.poll();
    }

    /** After an error the server skips the batch's remaining messages up to Sync. */
    void skipToSync() {
        while (!pending.isEmpty() && !(pending.peek() instanceof SyncStep)) {
            pending.poll();
        }
    }

    @Override
    public String toString() {
        return pending.toString();
    }
}
