package io.mockpg.internal.engine;

/**
 * The fields of an ErrorResponse or NoticeResponse. Null members are omitted on the wire.
 * severity is the non-localized severity: ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG.
 */
public record ErrorFields(String severity, String code, String message, String detail, String hint, Integer position,
                          String where, String schema, String table, String column, String dataType,
                          String constraint) {
    public static ErrorFields error(String code, String message) {
        return new ErrorFields("ERROR", code, message, null, null, null, null, null, null, null, null, null);
    }

    public static ErrorFields fatal(String code, String message) {
        return new ErrorFields("FATAL", code, message, null, null, null, null, null, null, null, null, null);
    }

    public ErrorFields withDetail(String newDetail) {
        return new ErrorFields(severity, code, message, newDetail, hint, position, where, schema, table, column,
                dataType, constraint);
    }

    public ErrorFields withHint(String newHint) {
        return new ErrorFields(severity, code, message, detail, newHint, position, where, schema, table, column,
                dataType, constraint);
    }

    public boolean isFatal() {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
