package io.mockpg.examples.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values a driver decoded in one check, each with the value the compatibility script
 * expects. Asserting, only the wrong ones are kept; observing ({@link CheckReport#observing()}),
 * every value as {@code column=value (JavaType)}, the differential suite's observation.
 */
final class DecodedValues {
    private final boolean observing;
    private final List<String> kept = new ArrayList<>();
    private int count;

    DecodedValues(boolean observing) {
        this.observing = observing;
    }

    /** Observing: the result's column names, the first value listed. Asserting: nothing. */
    void columns(List<String> names) {
        if (observing) {
            kept.add("columns " + String.join(" ", names));
        }
    }

    /** Arrays compare by their elements (byte[] for bytea, Integer[] for int4[]). */
    void expect(String column, Object actual, Object expected) {
        count++;
        if (observing) {
            kept.add(column + "=" + describe(actual));
        } else if (!Objects.deepEquals(actual, expected)) {
            kept.add(column + "=" + describe(actual) + " want " + text(expected));
        }
    }

    /** Asserting: the wrong values (none once {@link #detail} passed). Observing: every value. */
    List<String> kept() {
        return kept;
    }

    /** Asserting: fails unless every value was right, else {@code "N values"}. Observing: the values. */
    String detail(String context) {
        if (observing) {
            return String.join("; ", kept);
        }
        if (!kept.isEmpty()) {
            throw new AssertionError(context + kept);
        }
        return count + " values";
    }

    static String describe(Object value) {
        return value == null ? "null" : text(value) + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }
}
