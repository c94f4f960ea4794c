package io.mockpg.internal.check;

import java.util.List;

/** What PostgreSQL answered to Parse + Describe(statement) of one statement. */
public sealed interface StatementShape {

    /**
     * It parsed: ParameterDescription and RowDescription (or NoData).
     *
     * @param paramOids one type OID per parameter
     * @param columns   the result columns, or null for NoData (a statement that returns no rows)
     */
    record Described(int[] paramOids, List<Column> columns) implements StatementShape {
    }

    /** It did not: the ErrorResponse's SQLSTATE and message. */
    record Rejected(String sqlState, String message) implements StatementShape {
    }

    /** A RowDescription field: its name and type OID. */
    record Column(String name, int typeOid) {
    }
}
