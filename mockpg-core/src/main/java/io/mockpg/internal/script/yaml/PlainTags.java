package io.mockpg.internal.script.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The tag SnakeYAML's resolver gives a plain scalar, for {@link YamlSubset}. */
final class PlainTags {
    /** SnakeYAML's resolver, read-only once built: the tag of a plain scalar is whatever it says. */
    private static final Resolver RESOLVER = new Resolver();
    /** The first characters that SnakeYAML's resolver has patterns for (bool, int, float, merge, null, timestamp, yaml). */
    private static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~!&*";
    /** The resolver tries its int and float patterns on values up to this long only. */
    private static final int RESOLVER_LIMIT = 1024;

    private PlainTags() {
    }

    /**
     * The resolver's tag for a plain scalar. It tries its patterns by the first character, so a
     * word that starts with none of theirs is a string. The values a recording is full of are
     * settled without a regular expression too: a decimal without a leading zero is an int (the
     * first pattern tried), digits with one '.' inside a float (the int pattern has no '.'),
     * true, false and null as written (none of them longer than the resolver looks).
     */
    static Tag of(String plain) {
        if (plain.isEmpty()) {
            return Tag.NULL;
        }
        if (RESOLVED_FIRST.indexOf(plain.charAt(0)) < 0) {
            return Tag.STR;
        }
        switch (plain) {
            case "true", "false" -> {
                return Tag.BOOL;
            }
            case "null" -> {
                return Tag.NULL;
            }
            default -> {
            }
        }
        int digits = plain.length() > RESOLVER_LIMIT ? 0 : leadingDigits(plain, 0);
        if (digits == plain.length() && (digits == 1 || plain.charAt(0) != '0')) {
            return Tag.INT;
        }
        if (digits > 0 && digits + 1 < plain.length() && plain.charAt(digits) == '.'
                && leadingDigits(plain, digits + 1) == plain.length()) {
            return Tag.FLOAT;
        }
        return RESOLVER.resolve(NodeId.scalar, plain, true);
    }

    /** Where the run of ASCII digits that starts at from ends. */
    private static int leadingDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
