package io.mockpg.internal.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JournalLimitOptionTest {
    @Test
    void takesTheLimitOutOfTheArguments() throws Exception {
        JournalLimitOption option = JournalLimitOption.extract(new String[] {"--script", "x.yaml", "--journal-limit", "500",
                "-p", "0"});
        assertEquals(500, option.limit());
        assertArrayEquals(new String[] {"--script", "x.yaml", "-p", "0"}, option.rest());
        assertEquals(7, JournalLimitOption.extract(new String[] {"--journal-limit=7"}).limit());
        assertEquals(100_000, JournalLimitOption.extract(new String[] {"-p", "0"}).limit());
    }

    @Test
    void refusesWhatIsNotAPositiveCount() {
        assertEquals("--journal-limit must be a whole number of entries, at least 1, found '0'",
                assertThrows(CliOptions.UsageException.class,
                        () -> JournalLimitOption.extract(new String[] {"--journal-limit", "0"})).getMessage());
        assertEquals("--journal-limit needs a value", assertThrows(CliOptions.UsageException.class,
                () -> JournalLimitOption.extract(new String[] {"--journal-limit"})).getMessage());
    }
}
