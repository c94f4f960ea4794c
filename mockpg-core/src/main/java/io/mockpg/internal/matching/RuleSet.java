package io.mockpg.internal.matching;

import io.mockpg.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of rules in precedence order (rank 0 first) with an index of the
 * match.sql rules by shape key, so that a lookup costs the same for 10 or 10,000 rules
 * (docs/script-reference.md, "match"): only the rules of the statement's shape bucket and the rules without
 * match.sql (regex, match-all) are candidates.
 */
public final class RuleSet {
    private static final int[] NONE = new int[0];

    private final CompiledRule[] rules;
    private final Map<String, int[]> byShape;
    private final int[] unindexed;

    /** @param rules in precedence order: the first answers first */
    public RuleSet(List<CompiledRule> rules) {
        this.rules = rules.toArray(new CompiledRule[0]);
        Map<String, List<Integer>> buckets = new HashMap<>();
        List<Integer> others = new ArrayList<>();
        for (int rank = 0; rank < this.rules.length; rank++) {
            CompiledRule rule = this.rules[rank];
            if (rule.indexed()) {
                buckets.computeIfAbsent(rule.pattern().shapeKey(), k -> new ArrayList<>()).add(rank);
            } else {
                others.add(rank);
            }
        }
        Map<String, int[]> index = new HashMap<>(buckets.size() * 2);
        buckets.forEach((key, ranks) -> index.put(key, toArray(ranks)));
        this.byShape = index;
        this.unindexed = toArray(others);
    }

    public int size() {
        return rules.length;
    }

    public CompiledRule rule(int rank) {
        return rules[rank];
    }

    /** The rules that can match a statement, in precedence order. */
    public Candidates candidates(SqlStatement statement) {
        int[] bucket = byShape.getOrDefault(statement.shapeKey(), NONE);
        return new Candidates(bucket, unindexed);
    }

    private static int[] toArray(List<Integer> ranks) {
        int[] array = new int[ranks.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = ranks.get(i);
        }
        return array;
    }

    /** A merge of two rank-sorted arrays: walks the candidates in global precedence order. */
    public final class Candidates {
        private final int[] first;
        private final int[] second;
        private int i;
        private int j;

        Candidates(int[] first, int[] second) {
            this.first = first;
            this.second = second;
        }

        /** The rank of the next candidate, or -1 when there is none. */
        public int nextRank() {
            boolean haveFirst = i < first.length;
            boolean haveSecond = j < second.length;
            if (!haveFirst && !haveSecond) {
                return -1;
            }
            if (haveFirst && (!haveSecond || first[i] < second[j])) {
                return first[i++];
            }
            return second[j++];
        }
    }
}
