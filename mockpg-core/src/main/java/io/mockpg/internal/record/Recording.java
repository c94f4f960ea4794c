package io.mockpg.internal.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded so far, shared by the sessions of one recorder: one entry per distinct
 * statement and parameter values in first-seen order, each with the answers it got as runs of
 * equal answers (so a statement answered the same way a million times costs one answer), and
 * the upstream's startup facts. Thread-safe.
 */
final class Recording {
    /** One distinct statement and parameter values. */
    static final class Entry {
        final String sql;
        final List<Object> params;
        /** The parameter types the server reported (ParameterDescription), or null. */
        List<String> paramTypes;
        final List<Run> runs = new ArrayList<>();
        /** The last of {@link #runs}, or null. */
        private Run last;

        Entry(String sql, List<Object> params) {
            this.sql = sql;
            this.params = params;
        }
    }

    /** {@code count} consecutive equal answers. */
    static final class Run {
        final Entry entry;
        final RecordedAnswer answer;
        long count;

        Run(Entry entry, RecordedAnswer answer) {
            this.entry = entry;
            this.answer = answer;
            this.count = 1;
        }
    }

    /**
     * The key: the normalized statement and the text of each parameter. Looked up once per
     * statement answered, so its hash is computed once.
     */
    private static final class Key {
        private final String normalizedSql;
        private final List<String> paramTexts;
        private final int hash;

        Key(String normalizedSql, List<String> paramTexts) {
            this.normalizedSql = normalizedSql;
            this.paramTexts = paramTexts;
            this.hash = 31 * normalizedSql.hashCode() + paramTexts.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && normalizedSql.equals(key.normalizedSql)
                    && paramTexts.equals(key.paramTexts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private String serverVersion;
    private Map<String, String> serverParameters = Map.of();
    private long answers;
    private long repeatedRounds;

    synchronized void serverFacts(String version, Map<String, String> parameters) {
        if (serverVersion == null) {
            serverVersion = version;
            serverParameters = new LinkedHashMap<>(parameters);
        }
    }

    /**
     * Adds one answer.
     *
     * @param normalizedSql the statement's normalized text, placeholders in every value slot
     * @param paramTexts    the text of each parameter (the key), null for SQL NULL
     * @param terms         the rule's text, params and reported types, asked for only when needed
     */
    synchronized Run add(String normalizedSql, List<String> paramTexts, RuleTerms terms, RecordedAnswer answer) {
        Entry entry = entries.computeIfAbsent(new Key(normalizedSql, paramTexts),
                key -> new Entry(terms.sql(), terms.params()));
        if (entry.paramTypes == null) {
            entry.paramTypes = terms.paramTypes();
        }
        return answered(entry, answer);
    }

    /** @return the run the answer joined or began */
    private Run answered(Entry entry, RecordedAnswer answer) {
        Run last = entry.last;
        if (last != null && (last.answer == answer || Objects.equals(last.answer, answer))) {
            last.count++;
        } else {
            entry.last = new Run(entry, answer);
            entry.runs.add(entry.last);
        }
        answers++;
        return entry.last;
    }

    /**
     * Adds again what a round added when it came first (the runs {@link #add} gave then, whose
     * answers are known equal to a run's at a glance): the round came again byte for byte
     * ({@link RepeatedRounds}).
     */
    synchronized void addRepeated(Run[] runs) {
        for (Run run : runs) {
            answered(run.entry, run.answer);
        }
        repeatedRounds++;
    }

    /** How many rounds were recorded by {@link #addRepeated}, not followed message by message. */
    synchronized long repeatedRounds() {
        return repeatedRounds;
    }

    /** The answers held: one per run of equal answers of each entry, however often each came. */
    synchronized int answersHeld() {
        int held = 0;
        for (Entry entry : entries.values()) {
            held += entry.runs.size();
        }
        return held;
    }

    /** A copy to write from, taken under the lock. */
    synchronized Snapshot snapshot() {
        List<Snapshot.Rule> rules = new ArrayList<>();
        for (Entry entry : entries.values()) {
            List<RecordedAnswer> responses = new ArrayList<>();
            for (int i = 0; i < entry.runs.size(); i++) {
                Run run = entry.runs.get(i);
                // the last response repeats on replay, so its run is written once
                long times = i == entry.runs.size() - 1 ? 1 : run.count;
                for (long n = 0; n < times; n++) {
                    responses.add(run.answer);
                }
            }
            rules.add(new Snapshot.Rule(entry.sql, entry.params, entry.paramTypes, responses));
        }
        return new Snapshot(serverVersion, serverParameters, rules, answers);
    }

    /** What a script is written from. */
    record Snapshot(String serverVersion, Map<String, String> serverParameters, List<Rule> rules, long answers) {
        record Rule(String sql, List<Object> params, List<String> paramTypes, List<RecordedAnswer> responses) {
        }
    }
}
