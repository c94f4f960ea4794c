package io.mockpg.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> texts(String sql) {
        TokenSequence tokens = SqlLexer.lex(sql);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.text(i));
        }
        return out;
    }

    private static List<TokenKind> kinds(String sql) {
        TokenSequence tokens = SqlLexer.lex(sql);
        List<TokenKind> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.kind(i));
        }
        return out;
    }

    private static String value(String literal) {
        TokenSequence tokens = SqlLexer.lex(literal);
        assertEquals(1, tokens.size(), "one token in " + literal);
        return LiteralDecoder.decode(tokens.source(), tokens.get(0));
    }

    @Test
    void dropsWhitespaceAndComments() {
        assertEquals(List.of("SELECT", "1", "FROM", "t"),
                texts("SELECT -- line\n 1 /* block /* nested ; */ still */ FROM\tt"));
    }

    @Test
    void dollarQuotedBodiesMayHoldSemicolonsAndQuotes() {
        assertEquals(List.of("DO", "$$ BEGIN x := 'a;b'; END $$"), texts("DO $$ BEGIN x := 'a;b'; END $$"));
        assertEquals(List.of("$fn$ $$ ; $other$ $fn$"), texts("$fn$ $$ ; $other$ $fn$"));
        assertEquals(" $$ ; $other$ ", value("$fn$ $$ ; $other$ $fn$"));
        assertEquals(List.of(TokenKind.DOLLAR_STRING), kinds("$$$$"));
    }

    @Test
    void escapeStringsTreatBackslashQuoteAsPartOfTheString() {
        assertEquals(List.of("E'\\''", "x"), texts("E'\\'' x"));
        assertEquals("'", value("E'\\''"));
        assertEquals("a\nb\tc'd\\", value("e'a\\nb\\tc''d\\\\'"));
        assertEquals("é A A", value("E'\\303\\251 \\x41 \\u0041'"));
        assertEquals("\uD83D\uDE00", value("E'\\U0001F600'"));
    }

    @Test
    void standardStringsUseDoubledQuotesAndKeepBackslashes() {
        assertEquals("it's \\n", value("'it''s \\n'"));
        assertEquals(List.of(TokenKind.STRING), kinds("N'national'"));
        assertEquals("national", value("N'national'"));
    }

    @Test
    void unicodeStringsDecodeEscapes() {
        assertEquals("data", value("U&'d\\0061t\\+000061'"));
        assertEquals("data!", value("u&'d!0061t!+000061!!' UESCAPE '!'"));
        assertEquals(List.of(TokenKind.UNICODE_STRING, TokenKind.IDENTIFIER), kinds("U&'x' uescapes"));
        assertEquals(List.of(TokenKind.QUOTED_IDENTIFIER), kinds("U&\"d\\0061t\""));
    }

    @Test
    void bitStringsAndQuotedIdentifiers() {
        assertEquals(List.of(TokenKind.BIT_STRING, TokenKind.BIT_STRING), kinds("B'1010' x'1F'"));
        assertEquals("1010", value("B'1010'"));
        assertEquals(List.of("\"My \"\"Table\"\"\"", "."), texts("\"My \"\"Table\"\"\"."));
        assertEquals(List.of(TokenKind.QUOTED_IDENTIFIER, TokenKind.IDENTIFIER), kinds("\"Users\" users"));
    }

    @Test
    void numbers() {
        assertEquals(List.of("42", "3.5", ".5", "1e10", "1e-3", "0x1F", "1_000", "2.", "1E+5"),
                texts("42 3.5 .5 1e10 1e-3 0x1F 1_000 2. 1E+5"));
        assertTrue(kinds("42 3.5 .5 1e10 1e-3 0x1F 1_000").stream().allMatch(k -> k == TokenKind.NUMBER));
        assertEquals(List.of("1", ".", ".5"), texts("1..5"));
    }

    @Test
    void placeholdersCastsAndOperators() {
        assertEquals(List.of("$1", "::", "int4", "=", "$12"), texts("$1::int4=$12"));
        assertEquals(List.of(TokenKind.PARAMETER, TokenKind.PUNCTUATION, TokenKind.IDENTIFIER, TokenKind.OPERATOR,
                TokenKind.PARAMETER), kinds("$1::int4=$12"));
        assertEquals(List.of("a", "<=", "b", "<>", "c", "!=", "d", "||", "e", "->>", "f", "@>", "g"),
                texts("a<=b<>c!=d||e->>f@>g"));
        assertEquals(List.of("x", "=", "-", "1"), texts("x=-1"));
        assertEquals(List.of("x", "@-", "1"), texts("x@-1"));
        assertEquals(List.of("x", "*"), texts("x*--comment"));
        assertEquals(List.of("a", "[", "1", ":", "2", "]", ":=", ";"), texts("a[1:2] := ;"));
    }

    @Test
    void identifiersMayContainDollarAndDigits() {
        assertEquals(List.of("foo$bar", "t1", "ÄÖ"), texts("foo$bar t1 ÄÖ"));
        assertEquals("foo$bar", SqlLexer.lex("FOO$Bar").normalized(0));
    }

    @Test
    void recordsUnterminatedInputWithoutFailing() {
        TokenSequence string = SqlLexer.lex("SELECT 'abc");
        assertEquals(2, string.size());
        assertFalse(string.get(1).terminated());
        assertEquals("unterminated quoted string starting at position 8", string.problem());
        assertEquals("abc", LiteralDecoder.decode(string.source(), string.get(1)));

        assertEquals("unterminated /* comment starting at position 10",
                SqlLexer.lex("SELECT 1 /* /* */").problem());
        assertEquals("unterminated dollar-quoted string starting at position 4", SqlLexer.lex("DO $x$ body").problem());
        assertEquals("unterminated quoted identifier starting at position 8", SqlLexer.lex("SELECT \"abc").problem());
        assertNull(SqlLexer.lex("SELECT 'a' -- '").problem());
    }
}
