package io.mockpg.internal.matching;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A rule's per-server counters: how many statements it answered. The count also picks the
 * position in a {@code respond} list and enforces {@code times}. Thread-safe.
 */
public final class RuleState {
    private final AtomicLong answered = new AtomicLong();

    /**
     * Claims one answer: returns the 0-based number of this answer, or -1 when {@code times}
     * is exhausted (null = unlimited). Concurrent sessions never exceed {@code times} together.
     */
    public long tryClaim(Integer times) {
        if (times == null) {
            return answered.getAndIncrement();
        }
        while (true) {
            long n = answered.get();
            if (n >= times) {
                return -1;
            }
            if (answered.compareAndSet(n, n + 1)) {
                return n;
            }
        }
    }

    /** Gives back a claim that could not be used (another condition failed after claiming). */
    public void unclaim() {
        answered.decrementAndGet();
    }

    public long answered() {
        return answered.get();
    }

    /** Whether {@code times} (null = unlimited) still allows an answer. */
    public boolean available(Integer times) {
        return times == null || answered.get() < times;
    }

    public void reset() {
        answered.set(0);
    }
}
