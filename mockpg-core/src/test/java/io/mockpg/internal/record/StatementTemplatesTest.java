package io.mockpg.internal.record;

import io.mockpg.internal.respond.builtin.BuiltinServer;
import io.mockpg.internal.respond.builtin.Builtins;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder works a statement text out once; what it keeps is what working it out again gives. */
class StatementTemplatesTest {
    private final Builtins builtins = new Builtins(new BuiltinServer("15.4", Map.of(), "127.0.0.1", () -> 0, null));
    private final StatementTemplates templates = new StatementTemplates(builtins);

    @Test
    void aTextSeenAgainGivesTheTemplateWorkedOutTheFirstTime() {
        StatementTemplate first = templates.of("SELECT id, name FROM users WHERE id = 42");
        assertEquals(StatementTemplate.of("SELECT id, name FROM users WHERE id = 42", builtins), first);
        assertEquals("SELECT id, name FROM users WHERE id = $1", first.sql());
        assertEquals("42", first.slots().get(0).text());
        assertSame(first, templates.of("SELECT id, name FROM users WHERE id = 42"));
        StatementTemplate other = templates.of("SELECT id, name FROM users WHERE id = 43");
        assertEquals("43", other.slots().get(0).text());
        assertEquals(first.normalized(), other.normalized());
    }

    @Test
    void builtInChatterStaysBuiltIn() {
        assertTrue(templates.of("SET application_name = 'x'").builtin());
        assertTrue(templates.of("SET application_name = 'x'").builtin());
    }

    @Test
    void aQueryIsSplitOnceIntoItsStatements() {
        List<String> statements = templates.statements("BEGIN; UPDATE t SET a = 1; COMMIT");
        assertEquals(List.of("BEGIN", "UPDATE t SET a = 1", "COMMIT"), statements.stream().map(String::strip).toList());
        assertSame(statements, templates.statements("BEGIN; UPDATE t SET a = 1; COMMIT"));
    }

    @Test
    void pastItsBoundItStartsOverAndStaysRight() {
        for (int i = 0; i < StatementTemplates.MAX_ENTRIES * 2 + 7; i++) {
            StatementTemplate template = templates.of("SELECT name FROM users WHERE id = " + i);
            assertEquals(String.valueOf(i), template.slots().get(0).text());
        }
        assertEquals("SELECT name FROM users WHERE id = $1", templates.of("SELECT name FROM users WHERE id = 1").sql());
    }

    @Test
    void pastItsCharactersItStartsOverAndStaysRight() {
        String padding = "x".repeat(StatementTemplates.MAX_TEXT - 100);
        int texts = (int) (StatementTemplates.MAX_CHARS / padding.length()) * 2 + 3;
        for (int i = 0; i < texts; i++) {
            StatementTemplate template = templates.of("SELECT name FROM users WHERE id = " + i + " AND note = '" + padding + "'");
            assertEquals(String.valueOf(i), template.slots().get(0).text());
            assertTrue(templates.charsKept() <= StatementTemplates.MAX_CHARS, String.valueOf(templates.charsKept()));
        }
        String recent = "SELECT name FROM users WHERE id = " + (texts - 1) + " AND note = '" + padding + "'";
        assertSame(templates.of(recent), templates.of(recent));
    }

    @Test
    void aLongTextIsWorkedOutEachTimeNotKept() {
        String longText = "SELECT name FROM users WHERE note = '" + "x".repeat(StatementTemplates.MAX_TEXT) + "'";
        StatementTemplate first = templates.of(longText);
        StatementTemplate second = templates.of(longText);
        assertEquals(first, second);
        assertNotSame(first, second);
        assertEquals("SELECT name FROM users WHERE note = $1", first.sql());
    }
}
