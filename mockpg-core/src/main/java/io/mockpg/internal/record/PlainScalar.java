package io.mockpg.internal.record;

/** A value written unquoted in the script: a number exactly as PostgreSQL printed it (so {@code 1.50} keeps its scale). */
record PlainScalar(String text) {
}
