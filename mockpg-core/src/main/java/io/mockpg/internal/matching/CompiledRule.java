package io.mockpg.internal.matching;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlPattern;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule prepared for matching: its SQL compiled once, its counters attached. Immutable
 * apart from the counters in {@link #state()}.
 */
public final class CompiledRule {
    private final Rule rule;
    private final Match match;
    private final SqlPattern pattern;
    private final Pattern regex;
    private final List<ParamMatcher> params;
    private final Set<String> groupNames;
    private final RuleState state;
    private final String displayName;
    private volatile int[] tokenProfile;

    /**
     * @param rule  the rule
     * @param state its counters (shared with an earlier version of the same rule on reload)
     * @throws IllegalArgumentException when the rule's SQL cannot be compiled
     */
    public CompiledRule(Rule rule, RuleState state) {
        this.rule = rule;
        this.match = rule.match() == null ? Match.ANY : rule.match();
        this.pattern = match.sql() == null ? null : SqlPattern.compile(match.sql());
        this.regex = match.regex();
        this.params = match.params() == null ? List.of() : List.copyOf(match.params());
        this.groupNames = regex == null ? Set.of() : namedGroups(regex.pattern());
        this.state = state;
        this.displayName = rule.displayName();
    }

    public Rule rule() {
        return rule;
    }

    /** The rule's match ({@link Match#ANY} when it has none). */
    public Match match() {
        return match;
    }

    /** The compiled match.sql, or null. */
    public SqlPattern pattern() {
        return pattern;
    }

    /** match.regex, or null. */
    public Pattern regex() {
        return regex;
    }

    public List<ParamMatcher> params() {
        return params;
    }

    /** The named groups of match.regex (available to templates). */
    public Set<String> groupNames() {
        return groupNames;
    }

    public RuleState state() {
        return state;
    }

    public String displayName() {
        return displayName;
    }

    /** The token fingerprint of match.sql (computed on first use: only near-miss reports need it). */
    int[] tokenProfile() {
        int[] profile = tokenProfile;
        if (profile == null) {
            profile = TokenProfile.of(pattern == null ? "" : pattern.normalized());
            tokenProfile = profile;
        }
        return profile;
    }

    /** Whether the rule lives in the shape index (it has match.sql). */
    public boolean indexed() {
        return pattern != null;
    }

    // Java 17's Pattern does not list its named groups; a (?<name> scan is enough here.
    private static Set<String> namedGroups(String regex) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = regex.indexOf("(?<"); i >= 0; i = regex.indexOf("(?<", i + 3)) {
            if (i > 0 && regex.charAt(i - 1) == '\\') {
                continue;
            }
            int start = i + 3;
            int end = start;
            while (end < regex.length() && Character.isLetterOrDigit(regex.charAt(end))) {
                end++;
            }
            if (end > start && end < regex.length() && regex.charAt(end) == '>') {
                names.add(regex.substring(start, end));
            }
        }
        return Set.copyOf(names);
    }
}
