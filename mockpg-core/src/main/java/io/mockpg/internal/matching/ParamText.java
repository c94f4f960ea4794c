package io.mockpg.internal.matching;

import io.mockpg.internal.script.ParamMatcher;

import java.util.List;

/** How parameters and parameter matchers are written in reports. */
public final class ParamText {
    private ParamText() {
    }

    /** "$1=7, $2=NULL". */
    public static String list(List<String> params) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append('$').append(i + 1).append('=').append(value(params.get(i)));
        }
        return text.toString();
    }

    /** A parameter value: NULL, '' for the empty string, else the text as is. */
    public static String value(String param) {
        if (param == null) {
            return "NULL";
        }
        return param.isEmpty() ? "''" : param;
    }

    static String expected(ParamMatcher matcher) {
        if (matcher instanceof ParamMatcher.Equals equals) {
            return "'" + equals.text() + "'";
        } else if (matcher instanceof ParamMatcher.NumberEquals number) {
            return number.number().toPlainString();
        } else if (matcher instanceof ParamMatcher.BooleanEquals bool) {
            return Boolean.toString(bool.bool());
        } else if (matcher instanceof ParamMatcher.IsNull) {
            return "NULL";
        } else if (matcher instanceof ParamMatcher.Regex regex) {
            return "a match of /" + regex.pattern().pattern() + "/";
        }
        return "anything";
    }

    static String actual(ParamMatcher matcher, String param) {
        if (param != null && matcher instanceof ParamMatcher.Equals) {
            return "'" + param + "'";
        }
        return value(param);
    }
}
