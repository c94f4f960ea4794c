package io.mockpg.internal.record;

import io.mockpg.internal.protocol.frontend.FormatCodes;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.sql.Parameterized;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement's parameters on their way from the wire to a rule: a Bind's values as text (the
 * form a rule's key compares), then each slot of the rule's text filled from a literal of the
 * statement or a bound value, and the parameter types the server reported, by name
 * (docs/recording.md).
 */
final class RuleParameters {
    private RuleParameters() {
    }

    /** Each bound value as text, binary ones decoded in the statement's parameter type; null is SQL NULL. */
    static List<String> bound(FrontendMessage.Bind bind, int[] paramOids) {
        byte[][] values = bind.values();
        List<String> texts = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            int oid = i < paramOids.length ? paramOids[i] : 0;
            texts.add(ValueText.text(values[i], FormatCodes.isBinary(bind.paramFormats(), i), oid));
        }
        return texts;
    }

    /** The text of each slot, the key's half: a literal's as written, a bound one's from {@code bound}. */
    static List<String> texts(List<Parameterized.Value> slots, List<String> bound) {
        List<String> texts = new ArrayList<>(slots.size());
        for (Parameterized.Value slot : slots) {
            texts.add(slot.kind() != Parameterized.Kind.BOUND ? slot.text()
                    : slot.parameter() >= 1 && slot.parameter() <= bound.size() ? bound.get(slot.parameter() - 1) : null);
        }
        return Collections.unmodifiableList(texts);
    }

    /** Each slot's value as a rule's {@code params} writes it: numbers and booleans unquoted. */
    static List<Object> values(List<Parameterized.Value> slots, List<String> texts, int[] paramOids) {
        List<Object> values = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Parameterized.Value slot = slots.get(i);
            String text = texts.get(i);
            values.add(switch (slot.kind()) {
                case BOOLEAN -> Boolean.valueOf(text);
                case NUMBER -> new PlainScalar(text);
                case BOUND -> ValueText.parameter(text, slot.parameter() <= paramOids.length
                        ? paramOids[slot.parameter() - 1] : 0);
                default -> text;
            });
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * The reported parameter types by name, when the rule's {@code $n} are the statement's own
     * (no literal turned into a placeholder) and a script can name every type; else null.
     */
    static List<String> reportedTypes(List<Parameterized.Value> slots, int[] paramOids) {
        if (slots.size() != paramOids.length || paramOids.length == 0) {
            return null;
        }
        List<String> names = new ArrayList<>(paramOids.length);
        for (int i = 0; i < paramOids.length; i++) {
            String name = ValueText.typeName(paramOids[i]);
            if (slots.get(i).kind() != Parameterized.Kind.BOUND || slots.get(i).parameter() != i + 1 || name == null) {
                return null;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
