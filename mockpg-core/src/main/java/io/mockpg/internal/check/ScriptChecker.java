package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport;
import io.mockpg.ScriptCheckReport.Drift;
import io.mockpg.ScriptCheckReport.NotChecked;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.yaml.RulePositions;
import io.mockpg.internal.script.yaml.ScriptLoader.LocatedScript;
import io.mockpg.internal.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        TypeLabels types = new TypeLabels(probe.typeNames(unknownTypes(shapes)));
        List<Drift> drifts = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            drifts.addAll(RuleComparison.compare(checked.get(i), shapes.get(i), types));
        }
        return new ScriptCheckReport(checked.size(), drifts, notChecked, probe.roundTrips());
    }

    /** The column type OIDs that mockpg has no type for: reports name them as the database does. */
    private static Set<Integer> unknownTypes(List<StatementShape> shapes) {
        Set<Integer> unknown = new TreeSet<>();
        for (StatementShape shape : shapes) {
            if (shape instanceof StatementShape.Described described && described.columns() != null) {
                described.columns().stream().map(StatementShape.Column::typeOid)
                        .filter(oid -> PgTypes.byOid(oid) == null).forEach(unknown::add);
            }
        }
        return unknown;
    }
}
