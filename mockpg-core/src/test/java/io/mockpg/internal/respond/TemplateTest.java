package io.mockpg.internal.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static TemplateValues values(String... params) {
        Matcher groups = Pattern.compile("FROM (?<table>\\w+)(?: AS (?<alias>\\w+))?").matcher("SELECT * FROM users");
        assertTrue(groups.find());
        return new TemplateValues(Arrays.asList(params), groups, Set.of("table", "alias"), "app", "shop");
    }

    private static String render(String template, String... params) {
        return Template.compile(template).render(values(params), 3);
    }

    @Test
    void referencesAreReplaced() {
        assertEquals("id 42 of users for app@shop, row 3", render("id {{$1}} of {{table}} for {{user}}@{{database}}, row {{row}}", "42"));
        assertEquals("7-8", render("{{ $2 }}-{{$3}}", "6", "7", "8"));
    }

    @Test
    void doubleBraceEscapeWritesLiteralBraces() {
        assertEquals("{{$1}} is 5", render("{{{{$1}} is {{$1}}", "5"));
        assertEquals("{{", render("{{{{"));
        assertFalse(Template.compile("{{{{x").dynamic());
    }

    @Test
    void nullParameterAloneIsSqlNullInsideTextIsEmpty() {
        assertNull(render("{{$1}}", (String) null));
        assertEquals("id=", render("id={{$1}}", (String) null));
        assertNull(render("{{alias}}"));
        assertNull(render("{{$9}}", "1"));
    }

    @Test
    void plainTextAndUnclosedReferencesStayAsWritten() {
        assertEquals("no templates", render("no templates"));
        assertEquals("broken {{ $1", render("broken {{ $1", "x"));
        assertTrue(Template.compile("{{row}}").usesRow());
        assertFalse(Template.compile("{{$1}}").usesRow());
    }
}
