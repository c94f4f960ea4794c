package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Result columns in script terms, one instance for equal fields whichever session described them. */
class ColumnTypesTest {
    private final List<String> warnings = new ArrayList<>();
    private final ColumnTypes types = new ColumnTypes(warnings::add);

    @Test
    void equalFieldsGiveOneColumnsInstance() {
        List<RecordedColumn> columns = types.columns(List.of(field("id", 23), field("name", 25)));
        assertEquals(List.of(new RecordedColumn("id", "int4", null), new RecordedColumn("name", "text", null)), columns);
        assertSame(columns, types.columns(List.of(field("id", 23), field("name", 25))));
        assertEquals(List.of(new RecordedColumn("id", "int8", null)), types.columns(List.of(field("id", 20))));
    }

    @Test
    void aTypeScriptsCannotExpressIsTextWithOneWarning() {
        RecordedColumn column = types.columns(List.of(field("shape", 600))).get(0);
        assertEquals("text", column.type());
        assertEquals("type OID 600 is not one a script can express: recorded as text", column.comment());
        types.columns(List.of(field("shape", 600), field("id", 23)));
        assertEquals(List.of("column \"shape\": type OID 600 is not one a script can express: recorded as text"), warnings);
    }

    @Test
    void manyDistinctResultsStayRight() {
        for (int i = 0; i < 3000; i++) {
            assertEquals("c" + i, types.columns(List.of(field("c" + i, 23))).get(0).name());
        }
    }

    private static BackendMessage.Field field(String name, int typeOid) {
        return new BackendMessage.Field(name, 0, (short) 0, typeOid, (short) 4, -1, (short) 0);
    }
}
