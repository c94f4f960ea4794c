package io.mockpg.internal.respond;

import io.mockpg.Fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Faults due at a position among the statements that script rules answer, counted from when
 * each was scheduled ("the 3rd scripted statement from now"). Built-in answers and unmatched
 * statements do not count, so driver chatter does not shift a fault sweep's positions. A
 * fault may count the statements of some sessions only (a sweep among tests that share the
 * server concurrently). Thread-safe; a statement costs nothing while no fault is scheduled.
 */
final class FaultSchedule {
    private final List<Planned> planned = new CopyOnWriteArrayList<>();

    /**
     * The {@code at}-th rule-answered statement from now (1 = the next) of the sessions
     * {@code sessions} accepts is answered by {@code fault}.
     *
     * @return undoes the scheduling if the fault has not been played
     */
    Runnable schedule(int at, Fault fault, IntPredicate sessions) {
        if (at < 1) {
            throw new IllegalArgumentException("at must be 1 or more (1 = the next scripted statement), got " + at);
        }
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        Planned plan = new Planned(new AtomicInteger(at), fault, sessions);
        planned.add(plan);
        return () -> planned.remove(plan);
    }

    /** Counts one rule-answered statement of a session: the fault due for it, or null. */
    Fault next(int sessionId) {
        if (planned.isEmpty()) {
            return null;
        }
        Fault due = null;
        for (Planned plan : planned) {
            if (plan.sessions.test(sessionId) && plan.remaining.decrementAndGet() == 0) {
                planned.remove(plan);
                due = due == null ? plan.fault : due;
            }
        }
        return due;
    }

    void clear() {
        planned.clear();
    }

    private record Planned(AtomicInteger remaining, Fault fault, IntPredicate sessions) {
    }
}
