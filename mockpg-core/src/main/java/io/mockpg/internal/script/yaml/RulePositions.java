package io.mockpg.internal.script.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the parts of one rule that a check reports on are written: its {@code match.sql}, each
 * {@code match.params} entry, and each {@code columns} entry of each response. Kept beside the
 * rule model (which stays free of YAML positions) for reports that point into the file.
 *
 * @param rule      where the rule's mapping starts
 * @param sql       where the {@code sql} value starts, or null when not given
 * @param params    where {@code params} is written (its value), or null when not given
 * @param paramEntries one position per {@code params} entry
 * @param columns   per response (in {@code respond} order), where its {@code columns} value starts, or null
 * @param columnEntries per response, one position per {@code columns} entry (empty without columns)
 */
public record RulePositions(Position rule, Position sql, Position params, List<Position> paramEntries,
                            List<Position> columns, List<List<Position>> columnEntries) {
    public RulePositions {
        paramEntries = List.copyOf(paramEntries);
        columns = Collections.unmodifiableList(new ArrayList<>(columns)); // null: a response without columns
        columnEntries = columnEntries.stream().map(List::copyOf).toList();
    }

    /** A 1-based line and column in a script's text. */
    public record Position(int line, int column) {
    }
}
