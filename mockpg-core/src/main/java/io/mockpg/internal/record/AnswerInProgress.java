package io.mockpg.internal.record;

import io.mockpg.internal.protocol.frontend.FormatCodes;
import io.mockpg.internal.respond.CopyCommand;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.upstream.BackendMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to one statement while its backend messages arrive: the columns, the rows decoded
 * to natural values, the notices and a COPY's data. Which statement it answers, and which
 * message ends it, is the session's business; {@link #recorded} makes it script terms then.
 */
final class AnswerInProgress {
    private static final short BINARY = 1;

    private List<BackendMessage.Field> fields;
    /** The Bind's result format codes; null in a simple query, whose RowDescription says each column's. */
    private final short[] formats;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<Map<Character, String>> notices = new ArrayList<>();
    private boolean copy;
    /** COPY TO STDOUT: the data sent, read back into rows when the answer is recorded. */
    private CopyOutRows copyOut;
    /** COPY FROM STDIN: the CopyInResponse's column count. */
    private int copyInColumns;

    /**
     * @param fields  the columns a Describe told before the Execute, or null (a simple query's
     *                RowDescription comes with the answer: {@link #columns})
     * @param formats the Bind's result format codes, or null in a simple query
     */
    AnswerInProgress(List<BackendMessage.Field> fields, short[] formats) {
        this.fields = fields;
        this.formats = formats;
    }

    /** A simple query's RowDescription. */
    void columns(List<BackendMessage.Field> fields) {
        this.fields = fields;
    }

    /**
     * Takes a message that adds to any answer, simple or extended: a row, a notice, COPY's
     * response and data. False for the rest, which the session follows itself.
     *
     * @param sql the statement (a COPY's options are read from it), or null when not known
     */
    boolean gather(BackendMessage message, String sql, ColumnTypes columnTypes) {
        if (message instanceof BackendMessage.DataRow row) {
            rows.add(row(row));
        } else if (message instanceof BackendMessage.NoticeResponse notice) {
            notices.add(notice.fields());
        } else if (message instanceof BackendMessage.CopyResponse response) {
            copyStarted(sql, response, columnTypes);
        } else if (message instanceof BackendMessage.CopyData data) {
            if (copyOut != null) {
                copyOut.data(data.data());
            }
        } else {
            return false;
        }
        return true;
    }

    private List<Object> row(BackendMessage.DataRow row) {
        List<Object> values = new ArrayList<>(row.values().size());
        for (int i = 0; i < row.values().size(); i++) {
            BackendMessage.Field field = fields != null && i < fields.size() ? fields.get(i) : null;
            values.add(ValueText.natural(row.values().get(i), binary(field, i), field == null ? 0 : field.typeOid()));
        }
        return values;
    }

    /** A described portal's RowDescription says format 0 for every column: the Bind's formats are the ones sent. */
    private boolean binary(BackendMessage.Field field, int column) {
        if (formats != null) {
            return FormatCodes.isBinary(formats, column);
        }
        return field != null && field.format() == BINARY;
    }

    private void copyStarted(String sql, BackendMessage.CopyResponse response, ColumnTypes columnTypes) {
        copy = true;
        CopyCommand command = sql == null ? null : CopyCommand.of(SqlStatement.parse(sql.strip()));
        if (response.type() == 'H') {
            boolean binary = response.format() == BINARY;
            copyOut = new CopyOutRows(command != null && command.csv(), command != null && command.header(),
                    response.columnFormats().length, binary);
            if (binary) {
                columnTypes.warn("COPY in binary format: its rows are not recorded (a script sends text or CSV): " + sql);
            }
        } else if (response.type() == 'G' && command != null && command.columnCount() < 0) {
            copyInColumns = response.columnFormats().length;
        }
    }

    /**
     * The answer in script terms; the columns of a COPY are all text, as its CopyResponse gives
     * their number, not their types. After an error it has no columns.
     *
     * @param tag   the CommandComplete's tag, or null
     * @param error the ErrorResponse that ended it, or null
     */
    RecordedAnswer recorded(String tag, BackendMessage.ErrorResponse error, ColumnTypes columnTypes) {
        List<RecordedColumn> columns = null;
        List<List<Object>> answerRows = rows;
        if (error == null && fields != null) {
            columns = columnTypes.columns(fields);
        } else if (error == null && copyOut != null && !copyOut.binary()) {
            columns = textColumns(copyOut.names());
            answerRows = copyOut.rows();
        } else if (error == null && copyInColumns > 0) {
            List<String> names = new ArrayList<>(copyInColumns);
            for (int i = 1; i <= copyInColumns; i++) {
                names.add("column" + i);
            }
            columns = textColumns(names);
        }
        return new RecordedAnswer(columns, List.copyOf(answerRows), tag,
                error == null ? null : error.fields(), List.copyOf(notices), copy);
    }

    private static List<RecordedColumn> textColumns(List<String> names) {
        List<RecordedColumn> columns = new ArrayList<>(names.size());
        for (String name : names) {
            columns.add(new RecordedColumn(name, "text", null));
        }
        return List.copyOf(columns);
    }
}
