package io.mockpg.internal.sql;

import java.util.List;

/**
 * The shape of a token sequence: its key (normalized tokens with value slots as "?") and
 * its slots in order. Two sequences with equal keys have the same number of slots, at the
 * same places.
 */
record Shape(String key, List<Slot> slots) {
}
