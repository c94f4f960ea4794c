package io.mockpg.internal.script.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read by key, with unknown and duplicate keys reported where they stand.
 * Merge keys ({@code <<: *defaults}) are expanded; keys written in the mapping win.
 */
final class YamlMap {
    private final Node node;
    private final Map<String, NodeTuple> entries;

    private YamlMap(Node node, Map<String, NodeTuple> entries) {
        this.node = node;
        this.entries = entries;
    }

    /**
     * Reads a mapping whose keys must be among known (in the order users should see them);
     * returns null, with a problem, when node is not a mapping.
     */
    static YamlMap read(Node node, String what, List<String> known, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, what + " must be a mapping, found " + Scalars.describe(node));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                collectMerged(tuple.getValueNode(), merged, problems);
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(keyNode, "keys in " + what + " must be plain names, found " + Scalars.describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            if (entries.containsKey(key)) {
                problems.add(keyNode, "duplicate key '" + key + "'");
                continue;
            }
            if (known != null && !known.contains(key)) {
                problems.add(keyNode, unknownKey(key, what, known));
                continue;
            }
            entries.put(key, tuple);
        }
        for (NodeTuple tuple : merged) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (known != null && !known.contains(key)) {
                problems.add(tuple.getKeyNode(), unknownKey(key, what, known));
            } else {
                entries.putIfAbsent(key, tuple);
            }
        }
        return new YamlMap(mapping, entries);
    }

    /** Reads a mapping with any keys (user names, parameter names, ...). */
    static YamlMap readAny(Node node, String what, Problems problems) {
        return read(node, what, null, problems);
    }

    private static void collectMerged(Node value, List<NodeTuple> merged, Problems problems) {
        if (value instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode && !tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merged.add(tuple);
                } else if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    collectMerged(tuple.getValueNode(), merged, problems);
                }
            }
        } else if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                collectMerged(item, merged, problems);
            }
        } else {
            problems.add(value, "'<<' must merge a mapping or a list of mappings, found " + Scalars.describe(value));
        }
    }

    private static String unknownKey(String key, String what, List<String> known) {
        String suggestion = KeySuggestion.closest(key, known);
        if (suggestion != null) {
            return "unknown key '" + key + "' in " + what + "; did you mean '" + suggestion + "'?";
        }
        return "unknown key '" + key + "' in " + what + "; expected one of: " + String.join(", ", known);
    }

    /** The mapping node itself (for problems about the whole mapping). */
    Node node() {
        return node;
    }

    /** Whether key is given with a non-null value. */
    boolean has(String key) {
        return value(key) != null;
    }

    /** The value of key, or null when absent or written as YAML null. */
    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null || Scalars.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** The raw value of key even when it is YAML null (where null means something), or null when absent. */
    Node rawValue(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** The value of a key that must be given, or null with a problem at the mapping. */
    Node required(String key, String what, Problems problems) {
        Node value = value(key);
        if (value == null) {
            problems.add(node, what + " requires '" + key + "'");
        }
        return value;
    }

    /** Where key is written, or null when absent. */
    Mark keyMark(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getKeyNode().getStartMark();
    }

    /** Of two given keys, the one written later (problems involving both are reported there). */
    String later(String a, String b) {
        Mark markA = keyMark(a);
        Mark markB = keyMark(b);
        return markA.getIndex() > markB.getIndex() ? a : b;
    }

    /** Key names in the order written (merged keys last). */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }
}
