package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport.Drift;
import io.mockpg.internal.script.yaml.RulePositions.Position;

/** Makes drifts at the place in the script that makes the claim. */
final class Drifts {
    private Drifts() {
    }

    /** A drift at position, or at the rule's start when the claim has no place of its own. */
    static Drift at(CheckedRule rule, Position position, String what) {
        Position where = position != null ? position : rule.positions().rule();
        return new Drift(rule.source(), where.line(), where.column(), rule.rule().displayName(), what);
    }
}
