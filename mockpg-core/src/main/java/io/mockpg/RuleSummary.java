package io.mockpg;

/**
 * A rule as the server holds it, listed by {@link MockPgServer#rules()} and by the admin API's
 * {@code GET /rules} (docs/ci.md).
 *
 * @param id       the rule's display name: its id, else {@code SOURCE#N} (N its 1-based position in its source)
 * @param source   the script it came from ({@code stub} for a rule added with {@link MockPgServer#stub})
 * @param answered how many statements it answered since the last reset
 */
public record RuleSummary(String id, String source, long answered) {
}
