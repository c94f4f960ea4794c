package io.mockpg.internal.script;

import java.time.Duration;
import java.util.List;

/**
 * A rule's `respond` (docs/script-reference.md, "respond"). Null/empty members are "not given".
 *
 * @param columns  result columns (non-null makes a row-returning result)
 * @param rows     rows in column order; values are the column type's Java values (see
 *                 io.mockpg.internal.types.PgType) or a String containing a template ({{...}}), checked when sent
 * @param repeat   emit rows this many times (1 when not given)
 * @param tag      explicit CommandComplete tag (may hold templates), or null
 * @param affected row count for the verb-derived tag, or null
 * @param error    error to answer with, or null
 * @param notices  notices sent before the result
 * @param delay    wait before answering, or null
 * @param fault    connection fault, or null
 * @param notifications `notify`: notifications to deliver
 * @param copy     whether this answers a COPY statement
 */
public record Response(List<Column> columns, List<List<Object>> rows, long repeat, String tag, Long affected,
                       ErrorSpec error, List<NoticeSpec> notices, Duration delay, FaultSpec fault,
                       List<NotifySpec> notifications, boolean copy) {
    public Response {
        rows = rows == null ? List.of() : rows;
        notices = notices == null ? List.of() : List.copyOf(notices);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must be >= 0");
        }
    }

    /** A result column: name and PostgreSQL type name as written in the script (e.g. "int4", "text[]"). */
    public record Column(String name, String type) {
    }

    /** `error` (docs/script-reference.md, "error"). Severity "ERROR" (default) or "FATAL". Strings may hold templates. */
    public record ErrorSpec(String code, String message, String severity, String detail, String hint, String schema,
                            String table, String column, String constraint, Integer position) {
    }

    /** `notices` (docs/script-reference.md, "notices entries") entry; severity defaults to "NOTICE". */
    public record NoticeSpec(String severity, String code, String message, String detail, String hint) {
    }

    /** `fault` (docs/script-reference.md, "respond"): afterRows null = before any row. */
    public record FaultSpec(FaultType type, Long afterRows) {
    }

    public enum FaultType { CLOSE, RESET }

    /** `notify` (docs/script-reference.md, "respond") entry. */
    public record NotifySpec(String channel, String payload) {
    }

    /** An empty command response (tag derived from the verb). */
    public static Response empty() {
        return new Response(null, List.of(), 1, null, null, null, List.of(), null, null, List.of(), false);
    }
}
