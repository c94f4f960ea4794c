package io.mockpg.internal.logging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Client text on one log line: escaped and bounded. */
class LogTextTest {

    @Test
    void plainTextIsLoggedAsItIs() {
        String sql = "SELECT name FROM users WHERE id = $1";
        assertSame(sql, LogText.escape(sql));
    }

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("SELECT 1\\n[main] WARN forged\\r\\t\\\\n\\u0000\\u001b[31m\\u2028",
                LogText.escape("SELECT 1\n[main] WARN forged\r\t\\n\0\u001b[31m\u2028"));
        assertEquals("[a\\nb, null]", LogText.escape((Object) java.util.Arrays.asList("a\nb", null)));
        assertEquals("null", LogText.escape((String) null));
    }

    @Test
    void longTextIsCutWithItsLength() {
        String escaped = LogText.escape("x".repeat(5000));
        assertEquals("x".repeat(LogText.MAX_CHARS) + "... (5000 characters)", escaped);
        assertEquals(List.of(), escaped.lines().skip(1).toList());
    }
}
