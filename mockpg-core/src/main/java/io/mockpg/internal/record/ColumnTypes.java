package io.mockpg.internal.record;

import io.mockpg.internal.types.PgTypes;
import io.mockpg.internal.types.TypeModifiers;
import io.mockpg.internal.upstream.BackendMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Names a result column's type as a script does; a type scripts cannot express becomes
 * {@code text}, with a comment on the column and one warning per type OID.
 */
final class ColumnTypes {
    private static final int MAX_DESCRIBED = 1024;

    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedMessages = ConcurrentHashMap.newKeySet();
    private final Consumer<String> warnings;
    private final BoundedMemo<List<BackendMessage.Field>, List<RecordedColumn>> described = new BoundedMemo<>(MAX_DESCRIBED);

    ColumnTypes(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** A warning about something a script cannot hold, given once per distinct message. */
    void warn(String message) {
        if (warnedMessages.add(message)) {
            warnings.accept(message);
        }
    }

    /**
     * The columns of a RowDescription, one instance for equal fields whichever session saw
     * them, so that the recording compares two answers' columns at once.
     */
    List<RecordedColumn> columns(List<BackendMessage.Field> fields) {
        return described.get(fields, this::named);
    }

    private List<RecordedColumn> named(List<BackendMessage.Field> fields) {
        List<RecordedColumn> columns = new ArrayList<>(fields.size());
        for (BackendMessage.Field field : fields) {
            columns.add(column(field));
        }
        return List.copyOf(columns);
    }

    private RecordedColumn column(BackendMessage.Field field) {
        String type = ValueText.typeName(field.typeOid());
        if (type != null) {
            return new RecordedColumn(field.name(), TypeModifiers.written(PgTypes.byOid(field.typeOid()),
                    field.typeModifier()), null);
        }
        String comment = "type OID " + field.typeOid() + " is not one a script can express: recorded as text";
        if (warned.add(field.typeOid())) {
            warnings.accept("column \"" + field.name() + "\": " + comment);
        }
        return new RecordedColumn(field.name(), "text", comment);
    }
}
