package io.mockpg.internal.respond;

import io.mockpg.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParsedStatementsTest {
    @Test
    void aRepeatedTextIsParsedOnce() {
        ParsedStatements cache = new ParsedStatements();
        SqlStatement first = cache.parse("SELECT id FROM users WHERE id = $1");
        SqlStatement second = cache.parse("SELECT id FROM users WHERE id = $1");
        assertSame(first, second);
        assertEquals("SELECT id FROM users WHERE id = $1", second.text());
        assertEquals(1, cache.size());
    }

    @Test
    void theCacheStaysBounded() {
        ParsedStatements cache = new ParsedStatements();
        for (int i = 0; i < ParsedStatements.MAX_ENTRIES * 2 + 10; i++) {
            assertEquals("SELECT " + i, cache.parse("SELECT " + i).text());
        }
        assertTrue(cache.size() <= ParsedStatements.MAX_ENTRIES, "size " + cache.size());
    }

    @Test
    void longTextsAreParsedButNotKept() {
        ParsedStatements cache = new ParsedStatements();
        String longText = "SELECT '" + "x".repeat(ParsedStatements.MAX_TEXT_LENGTH) + "'";
        SqlStatement first = cache.parse(longText);
        assertNotSame(first, cache.parse(longText));
        assertEquals("SELECT", first.verb());
        assertEquals(0, cache.size());
    }
}
