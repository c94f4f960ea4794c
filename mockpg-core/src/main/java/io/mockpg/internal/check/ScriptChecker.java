package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport;
import io.mockpg.ScriptCheckReport.Drift;
import io.mockpg.ScriptCheckReport.NotChecked;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.yaml.RulePositions;
import io.mockpg.internal.script.yaml.ScriptLoader.LocatedScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks loaded scripts against a database (docs/checking.md): every rule with
 * {@code match.sql} is described by the probe, all in one session, and compared with what
 * the rule claims; the others are listed as not checked.
 */
public final class ScriptChecker {
    private ScriptChecker() {
    }

    /** @throws java.io.UncheckedIOException when the session breaks: no report is made from part of it */
    public static ScriptCheckReport check(List<LocatedScript> scripts, SchemaProbe probe) {
        List<CheckedRule> checked = new ArrayList<>();
        List<NotChecked> notChecked = new ArrayList<>();
        for (LocatedScript located : scripts) {
            String source = located.script().source();
            for (Rule rule : located.script().rules()) {
                RulePositions positions = located.positions().rule(rule.position());
                if (rule.match().sql() != null) {
                    checked.add(new CheckedRule(source, rule, positions));
                } else {
                    notChecked.add(new NotChecked(source, positions.rule().line(), positions.rule().column(),
                            rule.displayName(), rule.match().regex() != null ? "it matches by regex"
                            : "it has no match.sql"));
                }
            }
        }
        List<StatementShape> shapes = probe.describe(checked.stream().map(CheckedRule::statement).toList());
        List<Drift> drifts = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            drifts.addAll(RuleComparison.compare(checked.get(i), shapes.get(i)));
        }
        return new ScriptCheckReport(checked.size(), drifts, notChecked, probe.roundTrips());
    }
}
