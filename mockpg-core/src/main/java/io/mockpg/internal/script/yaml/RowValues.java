package io.mockpg.internal.script.yaml;

import io.mockpg.internal.types.PgType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the values of {@code rows} into their column type's Java values (docs/script-reference.md, "respond" and "Values and types").
 *
 * <p>Scalars of non-JSON columns go to {@link PgType#fromYaml} as the text the user wrote
 * (PostgreSQL's text form), not as YAML's reading of it: {@code 19.90} stays "19.90" for a
 * numeric, {@code 010} stays "010" rather than YAML 1.1's octal 8, {@code yes} in a text
 * column stays "yes". JSON columns get YAML's natural values (numbers, booleans, lists, maps).
 * A string holding a template ({{...}}) is kept as it is and checked when sent (docs/script-reference.md).
 */
final class RowValues {
    /** Largest single value, counted in YAML nodes after alias expansion. */
    static final long MAX_VALUE_NODES = 100_000;
    /** Largest total of row values per document after alias expansion. */
    static final long MAX_TOTAL_NODES = 10_000_000;

    private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final NodeTree tree;
    private final Problems problems;
    private long totalNodes;
    private boolean totalExceeded;

    RowValues(NodeTree tree, Problems problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** Whether a value is a string holding a template, kept unchecked until sent. */
    static boolean isTemplate(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && scalar.getValue().contains("{{");
    }

    /**
     * The Java value of one row value for a column of the given type (null when the type is
     * unknown, which was reported already); null with a problem when it does not fit.
     */
    Object read(Node node, String columnName, PgType type) {
        if (Scalars.isNull(node)) {
            return null;
        }
        if (isTemplate(node)) {
            return ((ScalarNode) node).getValue();
        }
        if (!withinBudget(node)) {
            return null;
        }
        boolean json = type != null && type.name().startsWith("json");
        Object yamlValue;
        try {
            yamlValue = json ? natural(node, 0) : textual(node, 0);
        } catch (YAMLException e) {
            problems.add(node, "invalid value " + Scalars.describe(node) + ": " + e.getMessage());
            return null;
        }
        if (type == null || yamlValue == FAILED) {
            return null;
        }
        try {
            return type.fromYaml(yamlValue);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage());
            problems.add(node, "value " + Scalars.describe(node) + " does not fit column '" + columnName + "' of type "
                    + type.name() + ": " + reason);
            return null;
        }
    }

    private static final Object FAILED = new Object();
    private static final int MAX_REASON = 200;

    /** A reason may quote the whole value; a message should stay readable. */
    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }

    private boolean withinBudget(Node node) {
        if (tree.isRecursive(node)) {
            return false;
        }
        long size = tree.expandedSize(node);
        if (size > MAX_VALUE_NODES) {
            problems.add(node, "value too large: more than " + MAX_VALUE_NODES + " elements once aliases are expanded");
            return false;
        }
        totalNodes += size;
        if (totalNodes > MAX_TOTAL_NODES) {
            if (!totalExceeded) {
                problems.addAtStart("rows too large: more than " + MAX_TOTAL_NODES
                        + " values in all once aliases are expanded");
                totalExceeded = true;
            }
            return false;
        }
        return true;
    }

    /** YAML's own reading of a value, for JSON columns. */
    private Object natural(Node node, int depth) {
        return walk(node, depth, this::naturalScalar);
    }

    /** The text the user wrote, for scalar and array columns (lists of it for arrays). */
    private Object textual(Node node, int depth) {
        return walk(node, depth, RowValues::scalarText);
    }

    /**
     * A value as lists and maps, its scalars read by {@code scalar}; maps (JSON objects) always
     * read their members naturally.
     */
    private Object walk(Node node, int depth, Function<ScalarNode, Object> scalar) {
        if (depth > YamlComposer.MAX_DEPTH) {
            problems.add(node, "value nested too deep: at most " + YamlComposer.MAX_DEPTH + " levels");
            return FAILED;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                Object value = walk(item, depth + 1, scalar);
                if (value == FAILED) {
                    return FAILED;
                }
                items.add(value);
            }
            return Collections.unmodifiableList(items);
        }
        if (node instanceof MappingNode mapping) {
            return naturalMap(mapping, depth);
        }
        return scalar.apply((ScalarNode) node);
    }

    private Object naturalScalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BINARY)) {
            return Scalars.construct(node);
        }
        return node.getValue();
    }

    private Object naturalMap(MappingNode mapping, int depth) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), "keys of a JSON object must be plain names, found "
                        + Scalars.describe(tuple.getKeyNode()));
                return FAILED;
            }
            Object value = natural(tuple.getValueNode(), depth + 1);
            if (value == FAILED) {
                return FAILED;
            }
            entries.put(key.getValue(), value);
        }
        return Collections.unmodifiableMap(entries);
    }

    private static Object scalarText(ScalarNode node) {
        Tag tag = node.getTag();
        String raw = node.getValue();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BINARY)) {
            return Scalars.construct(node);
        }
        if (tag.equals(Tag.INT) && !PLAIN_INTEGER.matcher(raw).matches()) {
            return Scalars.construct(node).toString(); // 0x1F, 1_000, 1:30 in YAML's reading
        }
        if (tag.equals(Tag.FLOAT) && !PLAIN_DECIMAL.matcher(raw).matches()) {
            return floatText((Double) Scalars.construct(node));
        }
        return raw;
    }

    private static String floatText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(value);
    }
}
