package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    private static final List<String> RULE_KEYS = RuleReader.KEYS;

    @Test
    void typosWithinTwoEdits() {
        assertEquals("match", KeySuggestion.closest("mathc", RULE_KEYS));
        assertEquals("respond", KeySuggestion.closest("response", RULE_KEYS));
        assertEquals("respond", KeySuggestion.closest("repsond", RULE_KEYS));
        assertEquals("times", KeySuggestion.closest("TIMES", RULE_KEYS), "case does not hide the key");
        assertEquals("param_types", KeySuggestion.closest("param-types", MatchReader.KEYS));
    }

    @Test
    void sharedPrefix() {
        assertEquals("next_state", KeySuggestion.closest("next", RULE_KEYS));
        assertEquals("scenario", KeySuggestion.closest("scenarios_name", RULE_KEYS));
        assertEquals("params", KeySuggestion.closest("parameters", List.of("sql", "params")));
    }

    @Test
    void nothingCloseGivesNoSuggestion() {
        assertNull(KeySuggestion.closest("zebra", RULE_KEYS));
        assertNull(KeySuggestion.closest("x", RULE_KEYS), "a single letter is not a typo of 'id'");
    }

    @Test
    void editDistance() {
        assertEquals(0, KeySuggestion.distance("rows", "rows"));
        assertEquals(2, KeySuggestion.distance("mathc", "match"));
        assertEquals(3, KeySuggestion.distance("", "tag"));
    }
}
