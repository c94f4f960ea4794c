package io.mockpg.internal.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which numbers a recorded script writes unquoted. */
class ValueTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "-7", "3.25", "-0.5", "007"})
    void plainNumbers(String text) {
        assertTrue(ValueText.isPlainNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.", ".5", "1e3", "NaN", "Infinity", "1.2.3", "+1", "--1", "1 ", " 1", "1,5", "0x1F"})
    void numbersThatStayQuoted(String text) {
        assertFalse(ValueText.isPlainNumber(text));
    }

    @Test
    void agreesWithTheDefinitionOnRandomTexts() {
        Pattern plain = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
        Random random = new Random(17);
        String alphabet = "0123456789.-e+ ";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 10 : alphabet.length())));
            }
            assertEquals(plain.matcher(text).matches(), ValueText.isPlainNumber(text.toString()), text.toString());
        }
    }
}
