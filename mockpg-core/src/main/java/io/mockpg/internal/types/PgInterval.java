package io.mockpg.internal.types;

/** A PostgreSQL interval as it is stored: months, days and microseconds, kept apart. */
public record PgInterval(int months, int days, long micros) {
}
