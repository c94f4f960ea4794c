package io.mockpg.internal.script;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** One entry of `match.params` (docs/script-reference.md, "match"). Parameters are compared in text form. */
public sealed interface ParamMatcher {
    /** Whether a parameter (text form, null = SQL NULL) satisfies this matcher. */
    boolean matches(String value);

    /** A YAML string: equal to the parameter's text form. */
    record Equals(String text) implements ParamMatcher {
        public boolean matches(String value) {
            return text.equals(value);
        }
    }

    /** A YAML number: a numeric parameter of equal value. */
    record NumberEquals(BigDecimal number) implements ParamMatcher {
        public boolean matches(String value) {
            if (value == null) {
                return false;
            }
            try {
                return new BigDecimal(value.trim()).compareTo(number) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** A YAML boolean: a boolean parameter of equal value (t/true/on/yes/1 and their opposites). */
    record BooleanEquals(boolean bool) implements ParamMatcher {
        public boolean matches(String value) {
            if (value == null) {
                return false;
            }
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            boolean isTrue = v.equals("t") || v.equals("true") || v.equals("on") || v.equals("yes") || v.equals("1");
            boolean isFalse = v.equals("f") || v.equals("false") || v.equals("off") || v.equals("no") || v.equals("0");
            return bool ? isTrue : isFalse;
        }
    }

    /** YAML null: SQL NULL. */
    record IsNull() implements ParamMatcher {
        public boolean matches(String value) {
            return value == null;
        }
    }

    /** {regex: R}: found anywhere in the text form. */
    record Regex(Pattern pattern) implements ParamMatcher {
        public boolean matches(String value) {
            return value != null && pattern.matcher(value).find();
        }
    }

    /** {any: true}. */
    record Any() implements ParamMatcher {
        public boolean matches(String value) {
            return true;
        }
    }
}
