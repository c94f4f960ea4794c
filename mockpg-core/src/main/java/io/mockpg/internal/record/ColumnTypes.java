package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Names a result column's type as a script does; a type scripts cannot express becomes
 * {@code text}, with a comment on the column and one warning per type OID.
 */
final class ColumnTypes {
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();
    private final Consumer<String> warnings;

    ColumnTypes(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    RecordedColumn column(BackendMessage.Field field) {
        String type = ValueText.typeName(field.typeOid());
        if (type != null) {
            return new RecordedColumn(field.name(), type, null);
        }
        String comment = "type OID " + field.typeOid() + " is not one a script can express: recorded as text";
        if (warned.add(field.typeOid())) {
            warnings.accept("column \"" + field.name() + "\": " + comment);
        }
        return new RecordedColumn(field.name(), "text", comment);
    }
}
