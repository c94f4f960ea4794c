package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport.Drift;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything a rule claims about its statement against what the database described. */
final class RuleComparison {
    /** lock_not_available (lock_timeout), query_canceled (statement_timeout): no verdict on the SQL. */
    private static final Set<String> TIMED_OUT = Set.of("55P03", "57014");

    private RuleComparison() {
    }

    static List<Drift> compare(CheckedRule rule, StatementShape shape, TypeLabels types) {
        if (shape instanceof StatementShape.Rejected rejected) {
            String verdict = TIMED_OUT.contains(rejected.sqlState()) ? "the database gave up describing the SQL: "
                    : "the database rejects the SQL: ";
            return List.of(Drifts.at(rule, rule.positions().sql(), verdict + rejected.sqlState() + " "
                    + rejected.message()));
        }
        StatementShape.Described described = (StatementShape.Described) shape;
        // a respond list makes one claim per entry; the same claim twice is one drift
        Set<Drift> drifts = new LinkedHashSet<>(ParamComparison.compare(rule, described.paramOids()));
        for (int i = 0; i < rule.rule().responses().size(); i++) {
            drifts.addAll(ColumnComparison.compare(rule, i, described.columns(), types));
        }
        return new ArrayList<>(drifts);
    }
}
