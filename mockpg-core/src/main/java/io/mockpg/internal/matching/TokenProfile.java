package io.mockpg.internal.matching;

import java.util.Arrays;

/**
 * A cheap bag-of-tokens fingerprint of normalized SQL (sorted token hashes), used to pick
 * the few rules worth a full, costlier similarity grading when thousands are loaded.
 */
final class TokenProfile {
    private TokenProfile() {
    }

    static int[] of(String normalized) {
        String[] tokens = normalized.isEmpty() ? new String[0] : normalized.split(" ");
        int[] hashes = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            hashes[i] = tokens[i].hashCode();
        }
        Arrays.sort(hashes);
        return hashes;
    }

    /** Dice coefficient of two token bags: 2·|common| / (|a| + |b|), in [0,1]. */
    static double dice(int[] a, int[] b) {
        if (a.length + b.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }
}
