package io.mockpg.internal.respond;

import io.mockpg.internal.engine.RowSource;

/**
 * Streams a response's rows {@code repeat} times without materializing them: O(1) memory
 * whatever the repeat count. Rows without {@code {{row}}} values are handed out as the same
 * shared arrays every time (callers encode them and must not modify them).
 */
final class RepeatingRowSource implements RowSource {
    private final CompiledRows compiled;
    private final Object[][] rows;
    private final boolean[] perRow;
    private final long repeat;
    private final TemplateValues values;
    private int index;
    private long round;
    private long rowNumber;

    RepeatingRowSource(CompiledRows compiled, Object[][] rows, long repeat, TemplateValues values) {
        this.compiled = compiled;
        this.rows = rows;
        this.repeat = rows.length == 0 ? 0 : repeat;
        this.values = values;
        this.perRow = compiled.rowCellFlags(rows);
    }

    @Override
    public Object[] next() {
        if (round >= repeat) {
            return null;
        }
        Object[] row = rows[index];
        rowNumber++;
        if (perRow[index]) {
            row = renderRow(row);
        }
        if (++index == rows.length) {
            index = 0;
            round++;
        }
        return row;
    }

    private Object[] renderRow(Object[] template) {
        Object[] row = template.clone();
        for (int c = 0; c < row.length; c++) {
            if (row[c] instanceof CompiledRows.RowCell cell) {
                row[c] = compiled.convert(cell.template().render(values, rowNumber), cell.column());
            }
        }
        return row;
    }
}
