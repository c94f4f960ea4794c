package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.UnmatchedMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a composed script document into the model, collecting every problem on the way. */
final class ScriptReader {
    static final List<String> KEYS = List.of("server", "unmatched", "builtins", "rules");
    /** From this many rules on, they are read in parallel. */
    private static final int PARALLEL_RULES = 1000;
    private static final int CHUNK_RULES = 250;

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
        if (items.size() >= PARALLEL_RULES && problems.isEmpty()) {
            List<Rule> rules = readInParallel(items, tree);
            if (rules != null) {
                return rules;
            }
        }
        return readInOrder(items, 0, items.size(), tree, problems).rules();
    }

    private Chunk readInOrder(List<Node> items, int from, int to, NodeTree tree, Problems found) {
        RowValues values = new RowValues(tree, found);
        RuleReader reader = new RuleReader(source, found, values);
        List<Rule> rules = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Rule rule = reader.read(items.get(i), i + 1);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new Chunk(rules, found.isEmpty(), values.totalNodes());
    }

    /**
     * A recorded script of thousands of rules is read in chunks on every core. Null when a
     * chunk found a problem, an id repeats across chunks or the rows exceed their budget in
     * all: the rules are then read again in order, so that the problems are reported exactly
     * as that read reports them.
     */
    private List<Rule> readInParallel(List<Node> items, NodeTree tree) {
        int chunkCount = (items.size() + CHUNK_RULES - 1) / CHUNK_RULES;
        List<Chunk> chunks = IntStream.range(0, chunkCount).parallel()
                .mapToObj(c -> readInOrder(items, c * CHUNK_RULES, Math.min(items.size(), (c + 1) * CHUNK_RULES),
                        tree, new Problems()))
                .toList();
        List<Rule> rules = new ArrayList<>(items.size());
        Set<String> ids = new HashSet<>();
        long totalNodes = 0;
        for (Chunk chunk : chunks) {
            if (!chunk.clean()) {
                return null;
            }
            for (Rule rule : chunk.rules()) {
                if (rule.id() != null && !ids.add(rule.id())) {
                    return null;
                }
            }
            totalNodes += chunk.totalNodes();
            rules.addAll(chunk.rules());
        }
        return totalNodes <= RowValues.MAX_TOTAL_NODES ? rules : null;
    }

    /** The rules of a run of entries, whether reading them found no problem, their row values. */
    private record Chunk(List<Rule> rules, boolean clean, long totalNodes) {
    }
}
