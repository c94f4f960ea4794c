package io.mockpg.internal.session;

import java.util.ArrayList;
import java.util.List;

/** The savepoints of the open transaction, innermost last. */
public final class Savepoints {
    private final List<String> names = new ArrayList<>();

    public void push(String name) {
        names.add(name);
    }

    /** Index of the innermost savepoint with this name, or -1. */
    public int find(String name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** RELEASE: removes the savepoint and every one after it. */
    public void release(int index) {
        names.subList(index, names.size()).clear();
    }

    /** ROLLBACK TO: removes the savepoints after it; it stays. */
    public void rollbackTo(int index) {
        names.subList(index + 1, names.size()).clear();
    }

    public void clear() {
        names.clear();
    }
}
