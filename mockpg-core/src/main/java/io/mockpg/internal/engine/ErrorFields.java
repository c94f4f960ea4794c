package io.mockpg.internal.engine;

/**
 * The fields of an ErrorResponse or NoticeResponse. Null members are omitted on the wire.
 * severity is the non-localized severity: ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG.
 * The members follow PostgreSQL's "Error and Notice Message Fields" (protocol-error-fields.html);
 * file, line and routine are the server source location a verbose client prints as LOCATION.
 */
public record ErrorFields(String severity, String code, String message, String detail, String hint, Integer position,
                          String where, String schema, String table, String column, String dataType,
                          String constraint, Integer internalPosition, String internalQuery, String file,
                          Integer line, String routine) {

    /** The fields mockpg itself raises: no internal query and no source location. */
    public ErrorFields(String severity, String code, String message, String detail, String hint, Integer position,
                       String where, String schema, String table, String column, String dataType,
                       String constraint) {
        this(severity, code, message, detail, hint, position, where, schema, table, column, dataType, constraint,
                null, null, null, null, null);
    }
    public static ErrorFields error(String code, String message) {
        return new ErrorFields("ERROR", code, message, null, null, null, null, null, null, null, null, null);
    }

    public static ErrorFields fatal(String code, String message) {
        return new ErrorFields("FATAL", code, message, null, null, null, null, null, null, null, null, null);
    }

    public ErrorFields withDetail(String newDetail) {
        return new ErrorFields(severity, code, message, newDetail, hint, position, where, schema, table, column,
                dataType, constraint, internalPosition, internalQuery, file, line, routine);
    }

    public ErrorFields withHint(String newHint) {
        return new ErrorFields(severity, code, message, detail, newHint, position, where, schema, table, column,
                dataType, constraint, internalPosition, internalQuery, file, line, routine);
    }

    public boolean isFatal() {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
