package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Response.Column;
import io.mockpg.internal.types.PgType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code columns} and {@code rows} of a response (docs/script-reference.md, "respond"), each value checked against its column's type. */
final class ColumnsAndRows {
    private final Problems problems;
    private final RowValues values;

    ColumnsAndRows(Problems problems, RowValues values) {
        this.problems = problems;
        this.values = values;
    }

    /** A column list with the types it names (null for an unknown type), or null with a problem. */
    record Columns(List<Column> columns, List<PgType> types) {
    }

    Columns columns(Node node) {
        List<Node> items = Scalars.list(node, "columns", problems);
        if (items == null) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        List<PgType> types = new ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
                problems.add(item, "a column must be a one-key mapping 'name: type', found " + describe(item));
                columns.add(null);
                types.add(null);
                continue;
            }
            NodeTuple tuple = mapping.getValue().get(0);
            String name = Scalars.text(tuple.getKeyNode(), "column name", problems);
            String typeName = Scalars.text(tuple.getValueNode(), "column type", problems);
            columns.add(new Column(name, typeName));
            types.add(typeName == null ? null : TypeNames.resolve(typeName, tuple.getValueNode(), problems));
        }
        return new Columns(Collections.unmodifiableList(columns), Collections.unmodifiableList(types));
    }

    private static String describe(Node item) {
        if (item instanceof MappingNode mapping) {
            return "a mapping with " + mapping.getValue().size() + " keys";
        }
        return Scalars.describe(item);
    }

    /** The rows, each value converted for its column; null with a problem when malformed. */
    List<List<Object>> rows(Node node, Columns columns) {
        List<Node> items = Scalars.list(node, "rows", problems);
        if (items == null) {
            return null;
        }
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (Node item : items) {
            if (!(item instanceof SequenceNode sequence)) {
                problems.add(item, "a row must be a list of values, found " + Scalars.describe(item));
                continue;
            }
            List<Node> cells = sequence.getValue();
            int width = columns.columns().size();
            if (cells.size() != width) {
                problems.add(item, "row has " + count(cells.size(), "value") + " but " + count(width, "column")
                        + (width == 1 ? " is" : " are") + " declared");
                continue;
            }
            List<Object> row = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                Column column = columns.columns().get(i);
                String name = column == null ? String.valueOf(i + 1) : column.name();
                row.add(values.read(cells.get(i), name, columns.types().get(i)));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return Collections.unmodifiableList(rows);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
