package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.UnmatchedMode;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a composed script document into the model, collecting every problem on the way. */
final class ScriptReader {
    static final List<String> KEYS = List.of("server", "unmatched", "builtins", "rules");

    private final String source;
    private final Problems problems;

    ScriptReader(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The script; meaningful only when no problem was added. */
    Script read(Node root, NodeTree tree) {
        if (root == null) {
            return Script.ofRules(source, List.of());
        }
        YamlMap script = YamlMap.read(root, "the script", KEYS, problems);
        if (script == null) {
            return Script.ofRules(source, List.of());
        }
        ServerConfig server = new ServerReader(problems).read(script.value("server"));
        UnmatchedMode unmatched = script.has("unmatched") ? unmatched(script.value("unmatched")) : UnmatchedMode.ERROR;
        Boolean builtins = script.has("builtins") ? Scalars.bool(script.value("builtins"), "builtins", problems) : null;
        List<Rule> rules = script.has("rules") ? rules(script.value("rules"), tree) : List.of();
        return new Script(source, server, unmatched, !Boolean.FALSE.equals(builtins), rules);
    }

    private UnmatchedMode unmatched(Node node) {
        String text = Scalars.text(node, "unmatched", problems);
        if ("error".equals(text)) {
            return UnmatchedMode.ERROR;
        }
        if ("empty".equals(text)) {
            return UnmatchedMode.EMPTY;
        }
        if (text != null) {
            problems.add(node, "'unmatched' must be error or empty, found " + Scalars.quote(text));
        }
        return UnmatchedMode.ERROR;
    }

    private List<Rule> rules(Node node, NodeTree tree) {
        List<Node> items = Scalars.list(node, "rules", problems);
        if (items == null) {
            return List.of();
        }
        RuleReader reader = new RuleReader(source, problems, new RowValues(tree, problems));
        List<Rule> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Rule rule = reader.read(items.get(i), i + 1);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }
}
