package io.mockpg.internal.respond;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.RowValueException;
import io.mockpg.internal.engine.ResultColumn;

import java.util.List;

/**
 * A response's rows prepared once: plain values stay the Java values the loader produced;
 * string values holding templates become {@link Template}s, rendered and converted with the
 * column type's {@code fromText} when an answer is made (or, with {@code {{row}}}, per row).
 */
final class CompiledRows {
    private final String ruleName;
    private final List<ResultColumn> columns;
    private final Object[][] cells;
    private final boolean anyTemplate;
    private final boolean[] noRowCells;

    CompiledRows(String ruleName, List<ResultColumn> columns, List<List<Object>> rows) {
        this.ruleName = ruleName;
        this.columns = columns;
        this.cells = new Object[rows.size()][];
        boolean templates = false;
        for (int r = 0; r < cells.length; r++) {
            List<Object> row = rows.get(r);
            Object[] values = new Object[row.size()];
            for (int c = 0; c < values.length; c++) {
                Object value = row.get(c);
                if (value instanceof String text && Template.isTemplate(text)) {
                    values[c] = Template.compile(text);
                    templates = true;
                } else {
                    values[c] = value;
                }
            }
            cells[r] = values;
        }
        this.anyTemplate = templates;
        this.noRowCells = new boolean[cells.length];
    }

    int size() {
        return cells.length;
    }

    /**
     * The rows for one answer: templates not depending on the row number are rendered and
     * converted now, those with {@code {{row}}} are left as {@link RowCell}s, checked once
     * here for their first row so that a misfit is answered before any row is sent.
     *
     * @throws RowValueException when a value does not fit its column
     */
    Object[][] resolve(TemplateValues values) {
        if (!anyTemplate) {
            return cells;
        }
        Object[][] resolved = new Object[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            Object[] row = cells[r];
            Object[] out = row;
            for (int c = 0; c < row.length; c++) {
                if (row[c] instanceof Template template) {
                    if (out == row) {
                        out = row.clone();
                    }
                    if (template.usesRow()) {
                        RowCell cell = new RowCell(template, c);
                        convert(cell.template.render(values, r + 1L), c);
                        out[c] = cell;
                    } else {
                        out[c] = convert(template.render(values), c);
                    }
                }
            }
            resolved[r] = out;
        }
        return resolved;
    }

    /** For each resolved row, whether it holds {@link RowCell}s to render per row. */
    boolean[] rowCellFlags(Object[][] resolved) {
        if (resolved == cells) {
            return noRowCells;
        }
        boolean[] flags = new boolean[resolved.length];
        for (int r = 0; r < resolved.length; r++) {
            for (Object value : resolved[r]) {
                if (value instanceof RowCell) {
                    flags[r] = true;
                    break;
                }
            }
        }
        return flags;
    }

    /** Converts a rendered template to column {@code column}'s Java value. */
    Object convert(String text, int column) {
        if (text == null || column >= columns.size()) {
            return text;
        }
        ResultColumn target = columns.get(column);
        try {
            return target.type().fromText(text);
        } catch (IllegalArgumentException misfit) {
            String reason = misfit.getMessage() == null ? "" : ": " + misfit.getMessage();
            throw new RowValueException(new ErrorFields("ERROR", "22P02",
                    "invalid input for column \"" + target.name() + "\" (" + target.type().name() + ") in rule \""
                            + ruleName + "\": \"" + text + "\"" + reason,
                    null, null, null, null, null, null, null, null, null));
        }
    }

    /** A value rendered per row, because its template uses {@code {{row}}}. */
    record RowCell(Template template, int column) {
    }
}
