package io.mockpg.internal.script;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule's `match` (docs/script-reference.md, "match"). Null members are "not given"; a statement matches when every given member matches.
 *
 * @param sql        normalized SQL to compare (at most one of sql/regex)
 * @param regex      a regex found anywhere in the statement text
 * @param params     one matcher per parameter, or null
 * @param paramTypes type names reported in ParameterDescription, or null
 * @param user       required session user, or null
 * @param database   required session database, or null
 */
public record Match(String sql, Pattern regex, List<ParamMatcher> params, List<String> paramTypes, String user,
                    String database) {
    public static final Match ANY = new Match(null, null, null, null, null, null);

    public static Match sql(String sql) {
        return new Match(sql, null, null, null, null, null);
    }
}
