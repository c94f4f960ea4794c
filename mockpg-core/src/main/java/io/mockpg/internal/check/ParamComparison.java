package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport.Drift;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.yaml.RulePositions.Position;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter claims of a rule against the database's ParameterDescription: how many
 * parameters, and whether each {@code params} scalar is valid input for its parameter's type,
 * read by the same type codecs that the server uses (nothing is executed).
 */
final class ParamComparison {
    private ParamComparison() {
    }

    static List<Drift> compare(CheckedRule rule, int[] paramOids) {
        List<Drift> drifts = new ArrayList<>();
        int placeholders = rule.placeholders();
        if (placeholders != paramOids.length) {
            drifts.add(Drifts.at(rule, rule.positions().sql(), "the SQL has " + count(placeholders, "placeholder")
                    + " but the database counts " + count(paramOids.length, "parameter")));
        }
        List<ParamMatcher> params = rule.rule().match().params();
        if (params == null) {
            return drifts;
        }
        if (params.size() != paramOids.length) {
            drifts.add(Drifts.at(rule, rule.positions().params(), "params gives " + count(params.size(), "value")
                    + " but the statement has " + count(paramOids.length, "parameter")));
        }
        List<Position> entries = rule.positions().paramEntries();
        for (int i = 0; i < Math.min(params.size(), paramOids.length); i++) {
            String text = textOf(params.get(i));
            PgType type = PgTypes.byOid(paramOids[i]);
            if (text == null || type == null) {
                continue; // a pattern, NULL, or a type mockpg has no codec for: nothing to validate
            }
            try {
                type.fromText(text);
            } catch (IllegalArgumentException e) {
                Position where = i < entries.size() ? entries.get(i) : rule.positions().params();
                drifts.add(Drifts.at(rule, where, "params value " + quote(text) + " is not valid for $" + (i + 1)
                        + " of type " + type.name() + ": " + e.getMessage()));
            }
        }
        return drifts;
    }

    /** The text a scalar entry stands for, or null for NULL, {regex} and {any}. */
    private static String textOf(ParamMatcher matcher) {
        if (matcher instanceof ParamMatcher.Equals equals) {
            return equals.text();
        }
        if (matcher instanceof ParamMatcher.BooleanEquals bool) {
            return String.valueOf(bool.bool());
        }
        if (matcher instanceof ParamMatcher.NumberEquals number) {
            // numbers match numerically: 42.0 matches an integer parameter 42, so it is read as 42
            BigDecimal value = number.number().stripTrailingZeros();
            return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
        }
        return null;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
