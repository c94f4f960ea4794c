package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ErrorFields;

/** Ends a built-in answer with an ErrorResponse, as PostgreSQL would for the same statement. */
final class BuiltinError extends RuntimeException {
    private final transient ErrorFields fields;

    BuiltinError(String code, String message) {
        super(message, null, false, false);
        this.fields = ErrorFields.error(code, message);
    }

    BuiltinError(ErrorFields fields) {
        super(fields.message(), null, false, false);
        this.fields = fields;
    }

    ErrorFields fields() {
        return fields;
    }

    static BuiltinError unknownSetting(String name) {
        return new BuiltinError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
}
