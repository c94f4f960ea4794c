package io.mockpg.internal.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mockpg.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class CopyCommandTest {
    private static CopyCommand copy(String sql) {
        return CopyCommand.of(SqlStatement.parse(sql));
    }

    @Test
    void fromStdinWithColumnListAndCsv() {
        assertEquals(new CopyCommand(true, false, 3, true, true),
                copy("COPY public.orders (id, customer_id, amount) FROM STDIN WITH (FORMAT csv, HEADER true)"));
        assertEquals(new CopyCommand(true, false, -1, false, false), copy("copy orders from stdin"));
        assertEquals(new CopyCommand(true, false, -1, true, false), copy("COPY orders FROM STDIN CSV"));
    }

    @Test
    void toStdoutOfTableOrQuery() {
        assertEquals(new CopyCommand(false, true, -1, false, false), copy("COPY (SELECT a, b FROM t WHERE x = 1) TO STDOUT"));
        assertEquals(new CopyCommand(false, true, 2, true, false), copy("COPY t (a, b) TO STDOUT (FORMAT 'csv')"));
        assertEquals(new CopyCommand(false, false, -1, false, false), copy("COPY t TO '/tmp/file'"));
        assertNull(copy("SELECT 1"));
    }
}
