package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.RowSource;

import java.util.List;

/** A RowSource over rows computed in advance (built-in answers are always small). */
final class StaticRows implements RowSource {
    private final List<Object[]> rows;
    private int next;

    StaticRows(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public Object[] next() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public boolean isStatic() {
        return true;
    }
}
