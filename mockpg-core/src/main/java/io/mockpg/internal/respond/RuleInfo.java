package io.mockpg.internal.respond;

/**
 * A loaded rule as the admin API lists it (docs/ci.md, "Admin HTTP API" {@code GET /rules}).
 *
 * @param id       the rule's display name: its id, else {@code SOURCE#N}
 * @param source   the script it came from
 * @param answered how many statements it answered since the last reset
 */
public record RuleInfo(String id, String source, long answered) {
}
