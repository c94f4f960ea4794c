package io.mockpg;

import io.mockpg.internal.script.ParamMatcher;

import java.util.regex.Pattern;

/**
 * A condition on one parameter of a statement, for {@link StatementPattern#withParams}: any
 * value, or a regex found in its text form. Made by {@link MockPgDsl#anyParam()} and
 * {@link MockPgDsl#paramMatching(String)}.
 */
public final class ParamPattern {
    private final ParamMatcher matcher;
    private final String description;

    private ParamPattern(ParamMatcher matcher, String description) {
        this.matcher = matcher;
        this.description = description;
    }

    static ParamPattern any() {
        return new ParamPattern(new ParamMatcher.Any(), "anyParam()");
    }

    static ParamPattern regex(String regex) {
        return new ParamPattern(new ParamMatcher.Regex(Pattern.compile(regex)), "paramMatching(\"" + regex + "\")");
    }

    ParamMatcher matcher() {
        return matcher;
    }

    @Override
    public String toString() {
        return description;
    }
}
