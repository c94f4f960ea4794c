package io.mockpg.internal.script.yaml;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Facts about the composed node graph, found in one pass that visits each node once:
 * tags outside the standard set, recursive aliases, and how many nodes a value expands to
 * once its aliases are followed (an alias makes the tree a graph, so a small document can
 * stand for a huge value: the "billion laughs"). A document without an alias (every recorded
 * script) is a tree: only its tags are checked in that pass, and a value's size is counted
 * when asked, so no map over every list and mapping is built.
 */
final class NodeTree {
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.BINARY,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP, Tag.MERGE);

    /** Bounds the recursion when aliases chain nested values into a deeper one. */
    private static final int MAX_PATH_DEPTH = 1000;

    private final Map<Node, Long> expandedSizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private final Set<Node> recursive = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Problems problems;
    private final boolean aliased;
    private boolean tooDeepReported;

    private NodeTree(Problems problems, boolean aliased) {
        this.problems = problems;
        this.aliased = aliased;
    }

    /**
     * Checks the graph under root, adding a problem for each unsupported tag and recursive alias;
     * aliased says whether the document used an alias at all, standardTags whether its composer
     * vouches for its tags (then a tree needs no pass at all).
     */
    static NodeTree check(Node root, boolean aliased, boolean standardTags, Problems problems) {
        NodeTree tree = new NodeTree(problems, aliased);
        if (root != null && (aliased || !standardTags)) {
            if (aliased) {
                tree.visit(root, 1);
            } else {
                tree.checkTags(root);
            }
        }
        return tree;
    }

    /** Number of nodes under node with every alias expanded (saturating at Long.MAX_VALUE). */
    long expandedSize(Node node) {
        if (!aliased) {
            return count(node);
        }
        Long size = expandedSizes.get(node);
        return size == null ? 1 : size;
    }

    /** Whether a value contains itself through an alias (reported already). */
    boolean isRecursive(Node node) {
        return recursive.contains(node);
    }

    /** A tree's nodes, each visited once (its depth is bounded by the composer's nesting limit). */
    private void checkTags(Node node) {
        checkTag(node);
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                checkTags(item);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                checkTags(tuple.getKeyNode());
                checkTags(tuple.getValueNode());
            }
        }
    }

    /** Number of nodes under node in a tree (each value is asked once, so the whole is linear). */
    private static long count(Node node) {
        long size = 1;
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size += count(item);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size += count(tuple.getKeyNode()) + count(tuple.getValueNode());
            }
        }
        return size;
    }

    private long visit(Node node, int depth) {
        if (node instanceof ScalarNode) {
            // a scalar contains nothing: size 1, never recursive; most nodes are scalars, so
            // the maps below hold only lists and mappings
            checkTag(node);
            return 1;
        }
        Long known = expandedSizes.get(node);
        if (known != null) {
            return known;
        }
        if (depth > MAX_PATH_DEPTH) {
            if (!tooDeepReported) {
                problems.add(node, "nesting too deep through aliases: at most " + MAX_PATH_DEPTH + " levels");
                tooDeepReported = true;
            }
            return Long.MAX_VALUE;
        }
        if (onPath.containsKey(node)) {
            problems.add(node, "recursive alias: a value cannot contain itself");
            recursive.addAll(onPath.keySet());
            return Long.MAX_VALUE;
        }
        checkTag(node);
        onPath.put(node, Boolean.TRUE);
        long size = 1;
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = saturatedAdd(size, visit(item, depth + 1));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size = saturatedAdd(size, visit(tuple.getKeyNode(), depth + 1));
                size = saturatedAdd(size, visit(tuple.getValueNode(), depth + 1));
            }
        }
        onPath.remove(node);
        expandedSizes.put(node, size);
        return size;
    }

    private void checkTag(Node node) {
        Tag tag = node.getTag();
        // the composers hand out the resolver's constants: an identity check settles most nodes
        if (tag == Tag.STR || tag == Tag.MAP || tag == Tag.SEQ || tag == Tag.INT) {
            return;
        }
        if (!STANDARD_TAGS.contains(tag)) {
            problems.add(node, "unsupported tag '" + node.getTag().getValue() + "'");
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
