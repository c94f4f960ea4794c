package io.mockpg.internal.respond;

import io.mockpg.Fault;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults due at a position among the statements that script rules answer, counted from when
 * each was scheduled ("the 3rd scripted statement from now"). Built-in answers and unmatched
 * statements do not count, so driver chatter does not shift a fault sweep's positions.
 * Thread-safe; costs one counter increment per rule-answered statement.
 */
final class FaultSchedule {
    private final AtomicLong answered = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Fault> due = new ConcurrentSkipListMap<>();

    /** The {@code at}-th rule-answered statement from now (1 = the next) is answered by {@code fault}. */
    void schedule(int at, Fault fault) {
        if (at < 1) {
            throw new IllegalArgumentException("at must be 1 or more (1 = the next scripted statement), got " + at);
        }
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        due.put(answered.get() + at, fault);
    }

    /** Counts one rule-answered statement: the fault due for it, or null. */
    Fault next() {
        long position = answered.incrementAndGet();
        return due.isEmpty() ? null : due.remove(position);
    }

    void clear() {
        due.clear();
    }
}
