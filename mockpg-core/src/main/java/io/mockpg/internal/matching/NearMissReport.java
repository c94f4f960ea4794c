package io.mockpg.internal.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The DETAIL of an unmatched statement's MP001 error (docs/script-reference.md, "Top level"): the bound values, then the
 * closest rules and how each differs, e.g.
 * {@code closest rule "user-by-id" (shop.yaml#1): sql matches, params differ: $1 expected 42, got 7}.
 */
public final class NearMissReport {
    /** How many near misses a report names. */
    public static final int LIMIT = 3;
    /** How much of a long statement a report compares with the rules (see docs/robustness.md). */
    public static final int MAX_COMPARED_CHARS = 8192;

    private NearMissReport() {
    }

    /** The report text for a statement, given its near misses and the number of rules loaded. */
    public static String format(List<String> boundParams, List<MatchResult> misses, int ruleCount) {
        return format(boundParams, misses, ruleCount, false);
    }

    /** As above; {@code readsCatalog} adds the line that asks for a report instead of a rule ({@link CatalogReads}). */
    public static String format(List<String> boundParams, List<MatchResult> misses, int ruleCount,
                                boolean readsCatalog) {
        List<String> lines = new ArrayList<>();
        if (readsCatalog) {
            lines.add(CatalogReads.NOTE);
        }
        if (!boundParams.isEmpty()) {
            lines.add("parameters: " + ParamText.list(boundParams));
        }
        if (misses.isEmpty()) {
            lines.add(ruleCount == 0 ? "no rules are loaded" : "no rule is close (" + ruleCount
                    + (ruleCount == 1 ? " rule" : " rules") + " loaded)");
        }
        for (int i = 0; i < misses.size(); i++) {
            lines.add((i == 0 ? "closest rule " : "next closest rule ") + describe(misses.get(i)));
        }
        return String.join("\n", lines);
    }

    private static String describe(MatchResult miss) {
        CompiledRule rule = miss.rule();
        String name = rule.displayName();
        String position = rule.rule().source() + "#" + rule.rule().position();
        StringBuilder text = new StringBuilder("\"").append(name).append('"');
        if (!name.equals(position)) {
            text.append(" (").append(position).append(')');
        }
        text.append(": ");
        List<String> parts = new ArrayList<>();
        if (miss.sqlMatches()) {
            parts.add(rule.pattern() != null ? "sql matches" : rule.regex() != null ? "regex matches" : "matches any sql");
        }
        parts.addAll(miss.differences());
        if (miss.differences().isEmpty()) {
            parts.add("no difference left (answered concurrently)");
        }
        return text.append(String.join(", ", parts)).toString();
    }
}
