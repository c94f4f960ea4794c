package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.yaml.RulePositions.Position;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The positions of every rule's parts in a composed script (one {@link RulePositions} per
 * entry of {@code rules}, in file order). Read from a document that already loaded without a
 * problem, so every shape is the one the loader accepted; merge keys are followed as the loader
 * follows them.
 */
public final class ScriptPositions {
    private final List<RulePositions> rules;

    private ScriptPositions(List<RulePositions> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The positions of the rule at this 1-based position in its file. */
    public RulePositions rule(int position) {
        return rules.get(position - 1);
    }

    static ScriptPositions of(Node root) {
        Problems ignored = new Problems(); // the document loaded: nothing new is found here
        List<RulePositions> rules = new ArrayList<>();
        YamlMap script = root == null ? null : YamlMap.readAny(root, "the script", ignored);
        Node ruleList = script == null ? null : script.value("rules");
        if (ruleList instanceof SequenceNode sequence) {
            for (Node rule : sequence.getValue()) {
                rules.add(rule(rule, ignored));
            }
        }
        return new ScriptPositions(rules);
    }

    private static RulePositions rule(Node node, Problems ignored) {
        YamlMap rule = YamlMap.readAny(node, "rule", ignored);
        YamlMap match = rule == null || rule.value("match") == null ? null
                : YamlMap.readAny(rule.value("match"), "match", ignored);
        Node sql = match == null ? null : match.value("sql");
        Node params = match == null ? null : match.value("params");
        List<Position> columns = new ArrayList<>();
        List<List<Position>> columnEntries = new ArrayList<>();
        Node respond = rule == null ? null : rule.value("respond");
        List<Node> responses = respond instanceof SequenceNode list ? list.getValue()
                : respond == null ? List.of() : List.of(respond);
        for (Node response : responses) {
            YamlMap map = YamlMap.readAny(response, "respond", ignored);
            Node columnList = map == null ? null : map.value("columns");
            columns.add(columnList == null ? null : at(columnList));
            columnEntries.add(entries(columnList));
        }
        return new RulePositions(at(node), sql == null ? null : at(sql), params == null ? null : at(params),
                entries(params), columns, columnEntries);
    }

    private static List<Position> entries(Node list) {
        if (!(list instanceof SequenceNode sequence)) {
            return List.of();
        }
        return sequence.getValue().stream().map(ScriptPositions::at).toList();
    }

    private static Position at(Node node) {
        return new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}
