package io.mockpg.internal.engine;

import java.util.List;

/** The main part of an answer. */
public sealed interface Result {
    /** CommandComplete with this tag, no rows (RowDescription: NoData). */
    record Command(String tag) implements Result {
    }

    /** EmptyQueryResponse. */
    record Empty() implements Result {
    }

    /** ErrorResponse (FATAL closes the connection). */
    record Error(ErrorFields fields) implements Result {
    }

    /**
     * RowDescription + DataRows + CommandComplete. {@code tagVerb} decides the tag from the
     * rows sent ("SELECT" → "SELECT n", "INSERT" → "INSERT 0 n", ...), unless {@code fixedTag}
     * is given.
     *
     * @param columns  result columns
     * @param rows     the rows, produced lazily
     * @param fixedTag explicit tag, or null
     * @param tagVerb  the counting verb of the derived tag (see {@link CommandTag}); null means SELECT
     * @param affected row count for the derived tag instead of rows sent, or null
     */
    record Rows(List<ResultColumn> columns, RowSource rows, String fixedTag, String tagVerb, Long affected)
            implements Result {
        /** The tag once {@code rowsSent} rows were sent (by the Execute that completes a portal). */
        public String tag(long rowsSent) {
            if (fixedTag != null) {
                return fixedTag;
            }
            return CommandTag.counted(tagVerb == null || tagVerb.isEmpty() ? "SELECT" : tagVerb,
                    affected != null ? affected : rowsSent);
        }
    }

    /**
     * COPY FROM STDIN: CopyInResponse with this many columns; the data goes to
     * {@link EngineSession#copyReceived}; the tag is {@code fixedTag}, or "COPY n" ({@code header}: the
     * first CSV line names the columns and is not a row).
     */
    record CopyIn(int columnCount, boolean csv, String fixedTag, boolean header) implements Result {
        public String tag(long rows) {
            return fixedTag != null ? fixedTag : CommandTag.counted("COPY", rows);
        }
    }

    /**
     * COPY TO STDOUT: CopyOutResponse, each row as a CopyData line, CopyDone, tag ({@code header}: a
     * first CSV line with the column names).
     */
    record CopyOut(List<ResultColumn> columns, RowSource rows, boolean csv, String fixedTag, boolean header)
            implements Result {
        public String tag(long rows) {
            return fixedTag != null ? fixedTag : CommandTag.counted("COPY", rows);
        }
    }
}
