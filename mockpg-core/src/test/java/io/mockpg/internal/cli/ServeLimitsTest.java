package io.mockpg.internal.cli;

import io.mockpg.internal.cli.admin.AdminAccess;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The limit flags and --admin-token on the command line. */
class ServeLimitsTest {

    @Test
    void parsesEveryLimitFlag() throws Exception {
        ServeLimits limits = CliOptions.parse(new String[] {"--max-connections", "7", "--max-message-size=4096",
                "--startup-timeout", "250ms", "--max-statement-size", "100", "--admin-token", "secret"}).limits();
        assertEquals(new ServeLimits(7, 4096, Duration.ofMillis(250), 100, "secret"), limits);
        assertFalse(limits.toString().contains("secret"), "the token is never printed");
    }

    @Test
    void withoutFlagsTheBuilderDefaultsApply() throws Exception {
        ServeLimits limits = CliOptions.parse(new String[0]).limits();
        assertEquals(ServeLimits.none(), limits);
        assertEquals(AdminAccess.OPEN, limits.adminAccess(null));
        assertEquals(new AdminAccess("env"), limits.adminAccess("env"));
        assertEquals(new AdminAccess("flag"), limits.with("--admin-token", "flag").adminAccess("env"));
    }

    @Test
    void refusesValuesOutOfRange() {
        assertEquals("option '--max-connections': '0' is not an integer of at least 1",
                assertThrows(CliOptions.UsageException.class,
                        () -> CliOptions.parse(new String[] {"--max-connections", "0"})).getMessage());
        assertEquals("option '--max-message-size': 'big' is not an integer of at least 1024",
                assertThrows(CliOptions.UsageException.class,
                        () -> CliOptions.parse(new String[] {"--max-message-size", "big"})).getMessage());
        assertEquals("option '--startup-timeout': '0s' must be longer than 0",
                assertThrows(CliOptions.UsageException.class,
                        () -> CliOptions.parse(new String[] {"--startup-timeout", "0s"})).getMessage());
        assertEquals("option '--admin-token' needs a value", assertThrows(CliOptions.UsageException.class,
                () -> CliOptions.parse(new String[] {"--admin-token"})).getMessage());
        assertNull(ServeLimits.none().maxConnections());
    }
}
