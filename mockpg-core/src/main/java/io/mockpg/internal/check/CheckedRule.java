package io.mockpg.internal.check;

import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.yaml.RulePositions;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.util.List;

/** A rule with a {@code match.sql}, where its parts are written, and the statement the check sends for it. */
record CheckedRule(String source, Rule rule, RulePositions positions) {

    /**
     * Parse states the rule's {@code param_types} (what the client says it sends), and leaves the
     * other parameters for PostgreSQL to infer, as a driver binding untyped values does.
     */
    SchemaProbe.ProbeStatement statement() {
        List<String> types = rule.match().paramTypes();
        int[] oids = types == null ? new int[0] : types.stream().mapToInt(CheckedRule::oid).toArray();
        return new SchemaProbe.ProbeStatement(rule.match().sql(), oids);
    }

    /** The highest {@code $n} in the rule's SQL, as mockpg reads it. */
    int placeholders() {
        return SqlStatement.parse(rule.match().sql()).maxPlaceholder();
    }

    private static int oid(String typeName) {
        PgType type = PgTypes.byName(typeName);
        return type == null ? 0 : type.oid(); // the loader refused unknown names already
    }
}
