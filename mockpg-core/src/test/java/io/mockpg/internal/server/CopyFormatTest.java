package io.mockpg.internal.server;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.types.PgTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** COPY TO STDOUT lines as PostgreSQL 15 writes them (compared with psql's \copy output). */
class CopyFormatTest {
    private static final List<ResultColumn> TWO = List.of(new ResultColumn("a", PgTypes.TEXT),
            new ResultColumn("b", PgTypes.TEXT));
    private static final List<ResultColumn> ONE = List.of(new ResultColumn("a", PgTypes.TEXT));

    @Test
    void textFormatEscapesBackslashAndEveryControlCharacterWithALetter() {
        assertEquals("x\\by\\fz\\v\\t\\n\\r\\\\\t\\N\n",
                CopyFormat.line(TWO, new Object[] {"x\by\fz\u000b\t\n\r\\", null}, false));
    }

    @Test
    void csvQuotesTheEndMarkerOnlyAloneOnItsLine() {
        assertEquals("\"\\.\"\n", CopyFormat.line(ONE, new Object[] {"\\."}, true));
        assertEquals("\\.,\n", CopyFormat.line(TWO, new Object[] {"\\.", null}, true));
        assertEquals("\"\",\"a,b\"\n", CopyFormat.line(TWO, new Object[] {"", "a,b"}, true));
    }
}
