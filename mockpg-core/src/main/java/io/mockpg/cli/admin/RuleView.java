package io.mockpg.cli.admin;

/**
 * One loaded rule as {@code GET /rules} lists it (SPEC §9).
 *
 * @param id       the rule's id, or {@code SOURCE#N} for a rule without one (N its 1-based
 *                 position in its file)
 * @param source   the script file it came from, or {@code admin} for rules added over HTTP
 * @param answered how many statements it answered since the last reset
 */
public record RuleView(String id, String source, long answered) {
}
