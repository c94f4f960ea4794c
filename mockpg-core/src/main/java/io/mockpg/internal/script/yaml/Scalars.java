package io.mockpg.internal.script.yaml;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads single YAML values of the script's fixed keys, reporting a value of the wrong kind. */
final class Scalars {
    private static final int MAX_SHOWN = 40;
    /** SafeConstructor's timestamp construct keeps a Calendar, so one instance per thread. */
    private static final ThreadLocal<ScalarConstructor> CONSTRUCTOR = ThreadLocal.withInitial(ScalarConstructor::new);

    private Scalars() {
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** How a value reads in a message: {@code 'abc'}, {@code a list}, {@code a mapping}, {@code null}. */
    static String describe(Node node) {
        if (node == null || isNull(node)) {
            return "null";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return quote(((ScalarNode) node).getValue());
    }

    /** A value quoted for a message, shortened when long. */
    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return "'" + shown + "'";
    }

    /**
     * The text of a scalar as written ({@code 16.40} stays "16.40", {@code on} stays "on"), or
     * null with a problem when node is a list, a mapping or binary.
     */
    static String text(Node node, String key, Problems problems) {
        if (node instanceof ScalarNode scalar && !node.getTag().equals(Tag.BINARY) && !isNull(node)) {
            return scalar.getValue();
        }
        problems.add(node, "'" + key + "' must be a string, found " + describe(node));
        return null;
    }

    /** A YAML boolean, or null with a problem. */
    static Boolean bool(Node node, String key, Problems problems) {
        if (node instanceof ScalarNode scalar && node.getTag().equals(Tag.BOOL)) {
            String value = scalar.getValue().toLowerCase(Locale.ROOT);
            return value.equals("true") || value.equals("yes") || value.equals("on");
        }
        problems.add(node, "'" + key + "' must be true or false, found " + describe(node));
        return null;
    }

    /** A YAML integer >= 0 that fits a long, or null with a problem. */
    static Long nonNegativeLong(Node node, String key, Problems problems) {
        if (node instanceof ScalarNode && node.getTag().equals(Tag.INT)) {
            Object number = construct(node);
            BigInteger value = number instanceof BigInteger big ? big : BigInteger.valueOf(((Number) number).longValue());
            if (value.signum() >= 0 && value.bitLength() < Long.SIZE) {
                return value.longValue();
            }
        }
        problems.add(node, "'" + key + "' must be a non-negative integer, found " + describe(node));
        return null;
    }

    /** A YAML integer >= 0 that fits an int, or null with a problem. */
    static Integer nonNegativeInt(Node node, String key, Problems problems) {
        Long value = nonNegativeLong(node, key, problems);
        if (value != null && value > Integer.MAX_VALUE) {
            problems.add(node, "'" + key + "' must be at most " + Integer.MAX_VALUE + ", found " + value);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** The items of a YAML list, or null with a problem. */
    static List<Node> list(Node node, String key, Problems problems) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.add(node, "'" + key + "' must be a list, found " + describe(node));
        return null;
    }

    /**
     * The Java value SnakeYAML's safe constructor makes of a scalar (Integer, Double, byte[], ...).
     * A value its tag cannot make (a {@code !!binary} that is not Base64, say) is an
     * {@link InvalidScalar}, which the loader reports at the scalar's position.
     */
    static Object construct(Node scalar) {
        try {
            return CONSTRUCTOR.get().construct(scalar);
        } catch (RuntimeException e) {
            throw new InvalidScalar(scalar, e);
        }
    }

    /** A scalar whose tag cannot make a value of its text. */
    static final class InvalidScalar extends RuntimeException {
        private final transient Node node;

        InvalidScalar(Node node, RuntimeException cause) {
            super("invalid " + node.getTag().getClassName() + " value: " + cause.getMessage(), cause);
            this.node = node;
        }

        Node node() {
            return node;
        }
    }

    /** Gives access to the safe constructor's per-tag scalar conversion, nothing more. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(YamlComposer.options());
        }

        Object construct(Node node) {
            // straight to the tag's construct: constructObject would remember every node it saw
            return getConstructor(node).construct(node);
        }
    }
}
