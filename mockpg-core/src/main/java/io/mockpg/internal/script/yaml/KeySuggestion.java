package io.mockpg.internal.script.yaml;

import java.util.Collection;
import java.util.Locale;

/** Finds the known key that an unknown one was probably meant to be ("did you mean"). */
final class KeySuggestion {
    private static final int MAX_DISTANCE = 2;
    private static final int MIN_PREFIX = 3;

    private KeySuggestion() {
    }

    /** The closest known key within edit distance 2 (and shorter than the key), else one sharing a prefix with it, else null. */
    static String closest(String unknown, Collection<String> known) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : known) {
            int distance = distance(lower, candidate);
            // a one-letter key is two edits away from every two-letter key: not a real hint
            if (distance < bestDistance && distance < lower.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return best;
        }
        for (String candidate : known) {
            if (sharesPrefix(lower, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean sharesPrefix(String a, String b) {
        int common = 0;
        while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= MIN_PREFIX && (common == a.length() || common == b.length() || common >= b.length() / 2);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
