package io.mockpg;

import io.mockpg.internal.script.yaml.RuleYaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A rule built in Java, for {@link MockPgServer#stub(Stub)}: a {@link StatementPattern} and
 * the answers to successive matches (the last one repeats). It is the same rule a script's YAML
 * makes ({@link #toYaml()} prints it). Immutable: each method returns a changed copy.
 */
public final class Stub {
    final StatementPattern pattern;
    final List<Answer> answers;

    Stub(StatementPattern pattern, List<Answer> answers) {
        this.pattern = pattern;
        this.answers = List.copyOf(answers);
    }

    /** The answer to the next match after the ones given so far; the last answer repeats. */
    public Stub thenReturn(Answer answer) {
        List<Answer> more = new ArrayList<>(answers);
        more.add(Objects.requireNonNull(answer, "answer"));
        return new Stub(pattern, more);
    }

    /** A fault as the answer to the next match. */
    public Stub thenFault(Fault fault) {
        return thenReturn(MockPgDsl.fault(fault));
    }

    /** Delays the last answer given. */
    public Stub delay(Duration wait) {
        return withLast(answer -> answer.delay(wait));
    }

    /** Adds notices to the last answer given. */
    public Stub notices(Notice... notices) {
        return withLast(answer -> answer.notices(notices));
    }

    /** The rule's id, shown in the journal and reports. */
    public Stub withId(String ruleId) {
        return new Stub(pattern.withId(ruleId), answers);
    }

    /** The rule answers at most this many statements. */
    public Stub times(int count) {
        return new Stub(pattern.times(count), answers);
    }

    /** The pattern this stub answers, e.g. to verify it afterwards. */
    public StatementPattern pattern() {
        return pattern;
    }

    /**
     * The rule as a script's YAML, an entry of {@code rules:} ready to paste.
     *
     * @throws IllegalArgumentException when the stub is not a valid rule, as {@code stub(...)} would
     */
    public String toYaml() {
        return RuleYaml.entry(StubRules.rule(this, MockPgServer.STUB_SOURCE, 1));
    }

    private Stub withLast(UnaryOperator<Answer> change) {
        List<Answer> changed = new ArrayList<>(answers);
        int last = changed.size() - 1;
        changed.set(last, change.apply(changed.get(last)));
        return new Stub(pattern, changed);
    }

    @Override
    public String toString() {
        return pattern + ".willReturn(...)";
    }
}
