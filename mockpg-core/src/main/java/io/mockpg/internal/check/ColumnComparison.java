package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport.Drift;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.yaml.RulePositions.Position;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One response's result claims against the database's RowDescription: rows or no rows, then
 * the column names, their order and their types by OID. Each difference is reported once: a
 * renamed column at its entry, a new order once at the first entry out of place.
 */
final class ColumnComparison {
    private ColumnComparison() {
    }

    /**
     * @param index    the response's position in {@code respond}
     * @param dbColumns the RowDescription, or null for NoData
     * @param types    names for the database's type OIDs
     */
    static List<Drift> compare(CheckedRule rule, int index, List<StatementShape.Column> dbColumns, TypeLabels types) {
        Response response = rule.rule().responses().get(index);
        if (response.columns() == null && (response.error() != null || response.fault() != null)) {
            // an answer that fails the statement claims nothing about its result: in PostgreSQL a
            // SELECT that fails still describes its rows (a serialization failure on INSERT ... RETURNING)
            return List.of();
        }
        // a COPY answer's columns describe its data, not a result: Describe gives NoData for COPY
        List<Response.Column> claimed = response.copy() ? null : response.columns();
        Position sql = rule.positions().sql();
        if (claimed == null && dbColumns == null) {
            return List.of();
        }
        if (claimed == null) {
            return List.of(Drifts.at(rule, sql, "the statement returns rows (" + describe(dbColumns, types)
                    + ") but the rule answers without columns"));
        }
        if (dbColumns == null) {
            return List.of(Drifts.at(rule, sql, "the statement returns no rows but the rule answers with columns"));
        }
        List<Position> entries = rule.positions().columnEntries().get(index);
        Position columnsKey = rule.positions().columns().get(index);
        List<Drift> drifts = new ArrayList<>();
        List<String> claimedNames = claimed.stream().map(Response.Column::name).toList();
        List<String> dbNames = dbColumns.stream().map(StatementShape.Column::name).toList();
        if (!claimedNames.equals(dbNames) && sorted(claimedNames).equals(sorted(dbNames))) {
            int first = 0;
            while (claimedNames.get(first).equals(dbNames.get(first))) {
                first++;
            }
            drifts.add(Drifts.at(rule, entry(entries, first, columnsKey), "the columns are in another order in the"
                    + " database: " + String.join(", ", dbNames)));
            compareTypesByName(rule, claimed, dbColumns, entries, columnsKey, types, drifts);
            return drifts;
        }
        for (int i = 0; i < claimed.size(); i++) {
            Response.Column column = claimed.get(i);
            Position where = entry(entries, i, columnsKey);
            if (i >= dbColumns.size()) {
                drifts.add(Drifts.at(rule, where, "column " + name(column.name()) + " is not returned: the statement"
                        + " returns " + ParamComparison.count(dbColumns.size(), "column")));
                continue;
            }
            StatementShape.Column db = dbColumns.get(i);
            if (!db.name().equals(column.name())) {
                drifts.add(Drifts.at(rule, where, "column " + (i + 1) + " is " + name(db.name())
                        + " in the database, not " + name(column.name())));
            }
            compareType(rule, column, db, where, types, drifts);
        }
        if (dbColumns.size() > claimed.size()) {
            List<StatementShape.Column> more = dbColumns.subList(claimed.size(), dbColumns.size());
            Position where = claimed.isEmpty() ? columnsKey : entry(entries, claimed.size() - 1, columnsKey);
            drifts.add(Drifts.at(rule, where, "the statement also returns " + describe(more, types)));
        }
        return drifts;
    }

    private static void compareTypesByName(CheckedRule rule, List<Response.Column> claimed,
                                           List<StatementShape.Column> dbColumns, List<Position> entries,
                                           Position columnsKey, TypeLabels types, List<Drift> drifts) {
        Map<String, StatementShape.Column> byName = new HashMap<>();
        dbColumns.forEach(column -> byName.putIfAbsent(column.name(), column));
        for (int i = 0; i < claimed.size(); i++) {
            compareType(rule, claimed.get(i), byName.get(claimed.get(i).name()), entry(entries, i, columnsKey), types,
                    drifts);
        }
    }

    /**
     * A type a script cannot write (an enum, a domain, ...) is written as text, with its values
     * in text form, as {@code mockpg record} writes it: that is the closest a script comes, not drift.
     */
    private static void compareType(CheckedRule rule, Response.Column column, StatementShape.Column db,
                                    Position where, TypeLabels types, List<Drift> drifts) {
        PgType type = PgTypes.byName(column.type());
        if (type == null || type.oid() == db.typeOid()
                || (type == PgTypes.TEXT && PgTypes.byOid(db.typeOid()) == null)) {
            return;
        }
        drifts.add(Drifts.at(rule, where, "column " + name(column.name()) + " is " + types.of(db.typeOid())
                + " in the database, not " + type.name()));
    }

    private static Position entry(List<Position> entries, int index, Position fallback) {
        return index < entries.size() ? entries.get(index) : fallback;
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static String describe(List<StatementShape.Column> columns, TypeLabels types) {
        return columns.stream().map(c -> c.name() + " " + types.of(c.typeOid()))
                .collect(Collectors.joining(", "));
    }

    private static String name(String name) {
        return "'" + name + "'";
    }
}
