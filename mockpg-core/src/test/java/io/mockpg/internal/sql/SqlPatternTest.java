package io.mockpg.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlPatternTest {

    private static List<String> match(String rule, String statement, String... bound) {
        SqlPattern pattern = SqlPattern.compile(rule);
        SqlStatement parsed = SqlStatement.parse(statement);
        List<String> captured = pattern.match(parsed, Arrays.asList(bound));
        if (captured != null) {
            assertEquals(pattern.shapeKey(), parsed.shapeKey(), "a match implies equal shape keys");
        }
        return captured;
    }

    @Test
    void aQuestionMarkOperatorIsNotAPlaceholder() {
        // fuzzing finding: "select ?" has the shape key of "SELECT $1" but no slot to capture
        assertNull(match("SELECT $1", "select ?"));
        assertEquals(List.of("7"), match("SELECT $1", "select 7"));
    }

    @Test
    void placeholderCapturesBoundParameter() {
        assertEquals(List.of("42"), match("SELECT id, name FROM users WHERE id = $1",
                "select ID, name from USERS where id = $1", "42"));
    }

    @Test
    void placeholderCapturesLiteralValues() {
        String rule = "SELECT * FROM users WHERE id = $1";
        assertEquals(List.of("42"), match(rule, "SELECT * FROM users WHERE id = 42"));
        assertEquals(List.of("-7"), match(rule, "SELECT * FROM users WHERE id = -7"));
        assertEquals(List.of("1e-3"), match(rule, "SELECT * FROM users WHERE id = 1e-3"));
        assertEquals(List.of("it's"), match(rule, "SELECT * FROM users WHERE id = 'it''s'"));
        assertEquals(List.of("'"), match(rule, "SELECT * FROM users WHERE id = E'\\''"));
        assertEquals(List.of("data"), match(rule, "SELECT * FROM users WHERE id = U&'d\\0061t\\+000061'"));
        assertEquals(List.of("a;b"), match(rule, "SELECT * FROM users WHERE id = $q$a;b$q$"));
        assertEquals(List.of("true"), match(rule, "SELECT * FROM users WHERE id = TRUE"));
        assertEquals(Arrays.asList((String) null), match(rule, "SELECT * FROM users WHERE id = NULL"));
    }

    @Test
    void pgjdbcSimpleModeLiteralInParenthesesWithCast() {
        assertEquals(List.of("7", "abc"), match("SELECT * FROM t WHERE id = $1 AND name = $2",
                "SELECT * FROM t WHERE id = ('7'::int4) AND name = ('abc'::varchar)"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE id = 7", "SELECT * FROM t WHERE id = ('7'::int4)"));
        assertEquals(List.of("5"), match("SELECT * FROM t WHERE id IN ($1)", "SELECT * FROM t WHERE id IN (('5'::int8))"));
    }

    @Test
    void castsOnPlaceholdersAreIgnored() {
        assertEquals(List.of("x"), match("SELECT $1::text", "SELECT $1::varchar(20)", "x"));
        assertEquals(List.of("x"), match("SELECT $1", "SELECT 'x'::text[]"));
    }

    @Test
    void ruleLiteralMatchesEqualLiteral() {
        assertEquals(List.of(), match("SELECT * FROM t LIMIT 10", "select * from t limit 10.0"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE a = 0x1F", "select * from t where a = 31"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE a = 'x'", "select * from t where a = E'x'"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE a = true", "select * from t where a = 't'::bool"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE a IS NULL", "select * from t where a is null"));
        assertNull(match("SELECT * FROM t LIMIT 10", "select * from t limit 11"));
        assertNull(match("SELECT * FROM t WHERE a = 'x'", "select * from t where a = 'X'"));
        assertNull(match("SELECT * FROM t WHERE a = 'x'", "select * from t where a = null"));
        assertNull(match("SELECT * FROM t WHERE a = true", "select * from t where a = false"));
    }

    @Test
    void ruleLiteralMatchesPlaceholderBoundToEqualValue() {
        assertEquals(List.of(), match("SELECT * FROM t LIMIT 10", "SELECT * FROM t LIMIT $1", "10"));
        assertEquals(List.of(), match("SELECT * FROM t LIMIT 10", "SELECT * FROM t LIMIT $1", "1e1"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE ok = TRUE", "SELECT * FROM t WHERE ok = $1", "t"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE n = 'ab'", "SELECT * FROM t WHERE n = $1", "ab"));
        assertEquals(List.of(), match("SELECT * FROM t WHERE n = NULL", "SELECT * FROM t WHERE n = $1", (String) null));
        assertNull(match("SELECT * FROM t LIMIT 10", "SELECT * FROM t LIMIT $1", "11"));
        assertNull(match("SELECT * FROM t LIMIT 10", "SELECT * FROM t LIMIT $1"));
        assertNull(match("SELECT * FROM t WHERE ok = TRUE", "SELECT * FROM t WHERE ok = $1", "f"));
        assertNull(match("SELECT * FROM t WHERE n = 'ab'", "SELECT * FROM t WHERE n = $1", "abc"));
    }

    @Test
    void capturesAreOrderedByPlaceholderNumber() {
        assertEquals(List.of("first", "second"),
                match("UPDATE t SET name = $2 WHERE id = $1", "UPDATE t SET name = 'second' WHERE id = 'first'"));
        assertEquals(Arrays.asList(null, "b"), match("SELECT $2", "SELECT 'b'"));
    }

    @Test
    void repeatedPlaceholderMustCaptureEqualValues() {
        String rule = "SELECT * FROM t WHERE a = $1 OR b = $1";
        assertEquals(List.of("5"), match(rule, "SELECT * FROM t WHERE a = 5 OR b = 5"));
        assertEquals(List.of("5"), match(rule, "SELECT * FROM t WHERE a = $1 OR b = $2", "5", "5"));
        assertNull(match(rule, "SELECT * FROM t WHERE a = 5 OR b = 6"));
    }

    @Test
    void structuralMismatchesDoNotMatch() {
        assertNull(match("SELECT * FROM users WHERE id = $1", "SELECT * FROM accounts WHERE id = 1"));
        assertNull(match("SELECT * FROM \"Users\" WHERE id = $1", "SELECT * FROM users WHERE id = 1"));
        assertNull(match("SELECT * FROM t WHERE id IN ($1)", "SELECT * FROM t WHERE id IN (1, 2)"));
        assertNull(match("SELECT a FROM t", "SELECT b FROM t"));
    }

    @Test
    void trailingSemicolonsCommentsAndCaseAreIgnored() {
        assertEquals(List.of(), match("select 1;", "/* probe */ SELECT 1 -- done"));
    }

    @Test
    void missingBoundParameterCapturesNull() {
        assertEquals(Arrays.asList((String) null), match("SELECT $1", "SELECT $1"));
    }

    @Test
    void compileReportsUnterminatedInput() {
        IllegalArgumentException quote = assertThrows(IllegalArgumentException.class,
                () -> SqlPattern.compile("SELECT 'abc"));
        assertEquals("invalid SQL: unterminated quoted string starting at position 8", quote.getMessage());
        IllegalArgumentException comment = assertThrows(IllegalArgumentException.class,
                () -> SqlPattern.compile("SELECT 1 /* /* */"));
        assertTrue(comment.getMessage().contains("unterminated /* comment"));
        assertThrows(IllegalArgumentException.class, () -> SqlPattern.compile("SELECT $$abc"));
        assertThrows(IllegalArgumentException.class, () -> SqlPattern.compile("SELECT \"abc"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> SqlPattern.compile("SELECT $0"));
        assertEquals("invalid SQL: placeholder $0 at position 8 is outside $1..$65535", zero.getMessage());
    }

    @Test
    void patternMetadata() {
        SqlPattern pattern = SqlPattern.compile("SELECT Name FROM T WHERE a = $3 AND b = ('x'::text);");
        assertEquals(3, pattern.maxPlaceholder());
        assertEquals("select name from t where a = $3 and b = ( 'x' :: text )", pattern.normalized());
        assertEquals("select name from t where a = ? and b = ?", pattern.shapeKey());
    }

    @Test
    void similarityIsOneForIdenticalAndOrdersNearMisses() {
        SqlStatement statement = SqlStatement.parse("SELECT id, name FROM users WHERE id = 7");
        double identical = SqlPattern.compile("select id, name from users where id = 7").similarity(statement);
        double placeholder = SqlPattern.compile("select id, name from users where id = $1").similarity(statement);
        double otherValue = SqlPattern.compile("select id, name from users where id = 8").similarity(statement);
        double otherColumn = SqlPattern.compile("select id, email from users where id = 7").similarity(statement);
        double otherTable = SqlPattern.compile("select id, email from accounts where id = 7").similarity(statement);
        double unrelated = SqlPattern.compile("delete from orders").similarity(statement);
        assertEquals(1.0, identical);
        assertEquals(1.0, placeholder);
        assertTrue(otherValue < 1.0 && otherValue > otherColumn, otherValue + " vs " + otherColumn);
        assertTrue(otherColumn > otherTable, otherColumn + " vs " + otherTable);
        assertTrue(otherTable > unrelated, otherTable + " vs " + unrelated);
        assertTrue(unrelated >= 0.0);
        assertEquals(0.9, otherColumn, 1e-9);
    }

    @Test
    void similarityUsesBoundParametersWhenGiven() {
        SqlStatement statement = SqlStatement.parse("SELECT * FROM t LIMIT $1");
        SqlPattern pattern = SqlPattern.compile("SELECT * FROM t LIMIT 10");
        assertEquals(1.0, pattern.similarity(statement, List.of("10")));
        assertTrue(pattern.similarity(statement, List.of("11")) < 1.0);
        assertTrue(pattern.similarity(statement) < 1.0);
    }
}
