package io.mockpg.internal.respond;

import java.util.ArrayList;
import java.util.List;

/**
 * Items recorded during a transaction, with savepoint marks, so that a rollback can hand
 * back what to undo: everything ({@link #end}) or what came after a savepoint
 * ({@link #rollbackTo}). One session's; not thread-safe.
 */
final class SavepointLog<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    void add(T item) {
        items.add(item);
    }

    void savepoint(String name) {
        marks.add(new Mark(name, items.size()));
    }

    /**
     * The items recorded since the latest savepoint {@code name}, most recent first, removed
     * from the log; the savepoint itself stays (as in PostgreSQL), later ones are gone.
     */
    List<T> rollbackTo(String name) {
        int markIndex = lastMark(name);
        if (markIndex < 0) {
            return List.of();
        }
        int from = marks.get(markIndex).size;
        marks.subList(markIndex + 1, marks.size()).clear();
        return takeFrom(from);
    }

    /** Forgets savepoint {@code name} and every later one; the items stay in the transaction. */
    void release(String name) {
        int markIndex = lastMark(name);
        if (markIndex >= 0) {
            marks.subList(markIndex, marks.size()).clear();
        }
    }

    /** Every item of the ending transaction, most recent first; the log is then empty. */
    List<T> end() {
        marks.clear();
        if (items.isEmpty()) {
            return List.of(); // the common case, once per Sync: nothing to undo
        }
        return takeFrom(0);
    }

    private List<T> takeFrom(int from) {
        List<T> taken = new ArrayList<>(items.subList(from, items.size()));
        items.subList(from, items.size()).clear();
        java.util.Collections.reverse(taken);
        return taken;
    }

    private int lastMark(String name) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private record Mark(String name, int size) {
    }
}
