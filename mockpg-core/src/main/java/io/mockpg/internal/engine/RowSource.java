package io.mockpg.internal.engine;

/**
 * Rows produced on demand, so that a result of any length is streamed, never materialized.
 * Not thread-safe; used by one session.
 */
public interface RowSource {
    /** The next row's values (Java values per io.mockpg.internal.types.PgType; null = SQL NULL), or null at the end. */
    Object[] next();

    /** Whether this source yields no further rows without computing any. */
    default boolean isStatic() {
        return false;
    }
}
