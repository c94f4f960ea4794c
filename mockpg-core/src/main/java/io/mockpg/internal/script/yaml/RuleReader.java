package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the entries of {@code rules} (docs/script-reference.md, "Rules"), checking that ids are unique. */
final class RuleReader {
    static final List<String> KEYS = List.of("id", "match", "respond", "times", "scenario", "state", "next_state");

    private final String source;
    private final Problems problems;
    private final MatchReader matches;
    private final ResponseReader responses;
    private final Map<String, Mark> idsSeen = new HashMap<>();

    RuleReader(String source, Problems problems, RowValues values) {
        this.source = source;
        this.problems = problems;
        this.matches = new MatchReader(problems);
        this.responses = new ResponseReader(problems, values);
    }

    /** The rule at 1-based position, or null with a problem. */
    Rule read(Node node, int position) {
        YamlMap rule = YamlMap.read(node, "rule", KEYS, problems);
        if (rule == null) {
            return null;
        }
        String id = rule.has("id") ? id(rule.value("id")) : null;
        Match match = matches.read(rule.value("match"));
        List<Response> answers = responses.read(rule.value("respond"));
        Integer times = rule.has("times") ? Scalars.nonNegativeInt(rule.value("times"), "times", problems) : null;
        String scenario = rule.has("scenario") ? Scalars.text(rule.value("scenario"), "scenario", problems) : null;
        String state = rule.has("state") ? Scalars.text(rule.value("state"), "state", problems) : null;
        String nextState = rule.has("next_state")
                ? Scalars.text(rule.value("next_state"), "next_state", problems) : null;
        if (!rule.has("scenario")) {
            for (String key : List.of("state", "next_state")) {
                if (rule.has(key)) {
                    problems.add(rule.keyMark(key), "'" + key + "' requires 'scenario'");
                }
            }
        }
        return new Rule(id, match, answers, times, scenario, state, nextState, source, position);
    }

    private String id(Node node) {
        String id = Scalars.text(node, "id", problems);
        if (id == null) {
            return null;
        }
        Mark first = idsSeen.putIfAbsent(id, node.getStartMark());
        if (first != null) {
            problems.add(node, "duplicate rule id " + Scalars.quote(id) + " (first used at line " + (first.getLine() + 1)
                    + ")");
        }
        return id;
    }
}
