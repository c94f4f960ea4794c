package io.mockpg.internal.script.yaml;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import org.yaml.snakeyaml.nodes.Node;

/** Resolves type names written in a script (docs/script-reference.md, "Values and types"). */
final class TypeNames {
    private TypeNames() {
    }

    /** The type named name, or null with a problem at node when there is no such type. */
    static PgType resolve(String name, Node node, Problems problems) {
        PgType type = PgTypes.byName(name);
        if (type == null) {
            problems.add(node, "unknown type '" + name + "'");
        }
        return type;
    }
}
