package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.StatementRequest;

/**
 * A function argument or compared value: a literal, or a placeholder whose value is bound
 * later.
 *
 * @param literal    the literal's text form (null for SQL NULL or a placeholder)
 * @param paramIndex the placeholder number ($1 = 1), or 0 for a literal
 */
record Arg(String literal, int paramIndex) {
    static Arg literal(String value) {
        return new Arg(value, 0);
    }

    static Arg param(int number) {
        return new Arg(null, number);
    }

    boolean isParam() {
        return paramIndex > 0;
    }

    /** The value's text form (null = SQL NULL); an unbound placeholder reads as NULL. */
    String resolve(StatementRequest request) {
        if (!isParam()) {
            return literal;
        }
        if (request == null || request.params() == null || request.params().size() < paramIndex) {
            return null;
        }
        return request.params().get(paramIndex - 1);
    }
}
