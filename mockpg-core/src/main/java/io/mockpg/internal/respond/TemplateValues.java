package io.mockpg.internal.respond;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * What templates of one answer can refer to (docs/script-reference.md, "Templates").
 *
 * @param params     the statement's parameters as the rule sees them ($1 first, null = SQL NULL)
 * @param groups     the rule's regex matcher after a successful find, or null
 * @param groupNames the regex's named groups
 * @param user       the session's user
 * @param database   the session's database
 */
public record TemplateValues(List<String> params, Matcher groups, Set<String> groupNames, String user,
                             String database) {

    /** The N-th parameter (1-based), null for SQL NULL or a parameter that was not given. */
    String param(int number) {
        return number >= 1 && number <= params.size() ? params.get(number - 1) : null;
    }

    /** A named regex group's text, null when absent or not participating. */
    String group(String name) {
        return groups != null && groupNames.contains(name) ? groups.group(name) : null;
    }
}
