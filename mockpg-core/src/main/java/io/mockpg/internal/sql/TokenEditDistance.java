package io.mockpg.internal.sql;

/** Token-level Levenshtein distance with a caller-supplied substitution cost. */
final class TokenEditDistance {
    /** The cost of putting token {@code b} of the second sequence where {@code a} of the first is. */
    interface SubstitutionCost {
        double cost(int a, int b);
    }

    private TokenEditDistance() {
    }

    /** 1 - distance / longer length, in [0,1]; 1 for two empty sequences. */
    static double similarity(int lengthA, int lengthB, SubstitutionCost substitution) {
        int longer = Math.max(lengthA, lengthB);
        if (longer == 0) {
            return 1.0;
        }
        double[] previous = new double[lengthB + 1];
        double[] current = new double[lengthB + 1];
        for (int b = 0; b <= lengthB; b++) {
            previous[b] = b;
        }
        for (int a = 1; a <= lengthA; a++) {
            current[0] = a;
            for (int b = 1; b <= lengthB; b++) {
                double replace = previous[b - 1] + substitution.cost(a - 1, b - 1);
                double insertOrDelete = Math.min(previous[b], current[b - 1]) + 1;
                current[b] = Math.min(replace, insertOrDelete);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        double distance = previous[lengthB];
        return Math.max(0.0, Math.min(1.0, 1.0 - distance / longer));
    }
}
