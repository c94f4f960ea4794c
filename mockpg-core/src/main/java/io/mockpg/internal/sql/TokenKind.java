package io.mockpg.internal.sql;

/** The lexical classes of PostgreSQL SQL that normalization and matching distinguish. */
enum TokenKind {
    /** An unquoted identifier or keyword; compared lower-cased. */
    IDENTIFIER,
    /** A "quoted" (or U&"quoted") identifier; compared exactly. */
    QUOTED_IDENTIFIER,
    /** A standard '…' (or N'…') string literal. */
    STRING,
    /** An E'…' string literal with backslash escapes. */
    ESCAPE_STRING,
    /** A U&'…' string literal, possibly followed by UESCAPE 'c'. */
    UNICODE_STRING,
    /** A B'…' or X'…' bit-string literal. */
    BIT_STRING,
    /** A $$…$$ or $tag$…$tag$ string literal. */
    DOLLAR_STRING,
    /** A numeric literal as written, without sign. */
    NUMBER,
    /** A positional parameter $n. */
    PARAMETER,
    /** An operator such as =, <=, ||, ->>, @>. */
    OPERATOR,
    /** ( ) , ; [ ] . : :: := and any character PostgreSQL would reject. */
    PUNCTUATION;

    boolean isString() {
        return this == STRING || this == ESCAPE_STRING || this == UNICODE_STRING || this == BIT_STRING
                || this == DOLLAR_STRING;
    }
}
