package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a rule's {@code match} (docs/script-reference.md, "match"). */
final class MatchReader {
    static final List<String> KEYS = List.of("sql", "regex", "params", "param_types", "user", "database");
    private static final List<String> PARAM_KEYS = List.of("regex", "any");

    private final Problems problems;

    MatchReader(Problems problems) {
        this.problems = problems;
    }

    /** The match, {@link Match#ANY} when node is null or an empty mapping. */
    Match read(Node node) {
        if (node == null) {
            return Match.ANY;
        }
        YamlMap match = YamlMap.read(node, "match", KEYS, problems);
        if (match == null) {
            return Match.ANY;
        }
        if (match.has("sql") && match.has("regex")) {
            String later = match.later("sql", "regex");
            problems.add(match.keyMark(later), "'sql' and 'regex' cannot both be given in one match");
        }
        String sql = match.has("sql") ? Scalars.text(match.value("sql"), "sql", problems) : null;
        Pattern regex = match.has("regex") ? regex(match.value("regex")) : null;
        List<ParamMatcher> params = match.has("params") ? params(match.value("params")) : null;
        List<String> paramTypes = match.has("param_types") ? paramTypes(match.value("param_types")) : null;
        String user = match.has("user") ? Scalars.text(match.value("user"), "user", problems) : null;
        String database = match.has("database") ? Scalars.text(match.value("database"), "database", problems) : null;
        if (sql == null && regex == null && params == null && paramTypes == null && user == null && database == null) {
            return Match.ANY;
        }
        return new Match(sql, regex, params, paramTypes, user, database);
    }

    /** A compiled regex, or null with a problem. */
    Pattern regex(Node node) {
        String text = Scalars.text(node, "regex", problems);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            problems.add(node, "invalid regex: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    private List<ParamMatcher> params(Node node) {
        List<Node> items = Scalars.list(node, "params", problems);
        if (items == null) {
            return null;
        }
        List<ParamMatcher> matchers = new ArrayList<>();
        for (Node item : items) {
            ParamMatcher matcher = param(item);
            if (matcher != null) {
                matchers.add(matcher);
            }
        }
        return List.copyOf(matchers);
    }

    private ParamMatcher param(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalarParam(scalar);
        }
        YamlMap map = YamlMap.read(node, "a params entry", PARAM_KEYS, problems);
        if (map == null) {
            return null;
        }
        if (map.has("regex") == map.has("any")) {
            problems.add(node, "a params entry must be a value, {regex: R} or {any: true}");
            return null;
        }
        if (map.has("regex")) {
            Pattern pattern = regex(map.value("regex"));
            return pattern == null ? null : new ParamMatcher.Regex(pattern);
        }
        Boolean any = Scalars.bool(map.value("any"), "any", problems);
        if (Boolean.FALSE.equals(any)) {
            problems.add(map.value("any"), "'any' must be true (leave the entry as {any: true} or give a value)");
        }
        return new ParamMatcher.Any();
    }

    private ParamMatcher scalarParam(ScalarNode node) {
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return new ParamMatcher.IsNull();
        }
        if (tag.equals(Tag.BOOL)) {
            return new ParamMatcher.BooleanEquals(Scalars.bool(node, "params", problems));
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            Object number = Scalars.construct(node);
            if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
                problems.add(node, "a params number must be finite, found " + Scalars.describe(node));
                return null;
            }
            return new ParamMatcher.NumberEquals(new BigDecimal(number.toString()));
        }
        String text = Scalars.text(node, "params", problems);
        return text == null ? null : new ParamMatcher.Equals(text);
    }

    private List<String> paramTypes(Node node) {
        List<Node> items = Scalars.list(node, "param_types", problems);
        if (items == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            String name = Scalars.text(item, "param_types", problems);
            if (name != null) {
                TypeNames.resolve(name, item, problems);
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
