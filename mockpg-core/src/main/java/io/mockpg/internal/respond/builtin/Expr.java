package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.types.PgType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One select-list expression of a FROM-less SELECT: its output column and how to compute it.
 *
 * @param name      the column name PostgreSQL gives it
 * @param type      the result type
 * @param value     computes the value (may have effects on the session, e.g. set_config)
 * @param isLiteral a constant, named after its type when cast
 */
record Expr(String name, PgType type, Evaluation value, boolean isLiteral) {
    @FunctionalInterface
    interface Evaluation {
        Object evaluate(Context context);
    }

    /** The statement being answered and what its evaluation adds to the answer. */
    static final class Context {
        final StatementRequest request;
        final BuiltinSession session;
        final ServerFacts server;
        Duration delay;
        final List<Runnable> afterSend = new ArrayList<>();
        final List<ParameterChange> changes = new ArrayList<>();

        Context(StatementRequest request, BuiltinSession session, ServerFacts server) {
            this.request = request;
            this.session = session;
            this.server = server;
        }

        String resolve(Arg arg) {
            return arg.resolve(request);
        }
    }

    static Expr constant(String name, PgType type, Object value) {
        return new Expr(name, type, context -> value, true);
    }

    Expr named(String alias) {
        return new Expr(alias, type, value, isLiteral);
    }

    /** expr::type — a constant takes the type's name, as PostgreSQL names such columns. */
    Expr cast(PgType target) {
        PgType source = type;
        Evaluation converted = context -> {
            Object original = value.evaluate(context);
            return original == null ? null : target.fromText(source.toText(original));
        };
        return new Expr(isLiteral ? target.name() : name, target, converted, isLiteral);
    }
}
