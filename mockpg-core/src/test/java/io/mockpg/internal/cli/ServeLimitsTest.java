package io.mockpg.internal.cli;

import io.mockpg.internal.cli.admin.AdminAccess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The limit options and --admin-token of {@code serve}. */
class ServeLimitsTest {

    private static ServeLimits parse(String... args) {
        ServeCommand serve = new ServeCommand(new Console(System.out, System.err));
        new CommandLine(serve).parseArgs(args);
        return serve.limits;
    }

    @Test
    void parsesEveryLimitOption() {
        ServeLimits limits = parse("--max-connections", "7", "--max-message-size=4096", "--startup-timeout", "250ms",
                "--max-statement-size", "100", "--admin-token", "secret");
        assertEquals(7, limits.maxConnections);
        assertEquals(4096, limits.maxMessageSize);
        assertEquals(Duration.ofMillis(250), limits.startupTimeout);
        assertEquals(100, limits.maxStatementSize);
        assertEquals(new AdminAccess("secret"), limits.adminAccess("env"));
        assertFalse(limits.toString().contains("secret"), "the token is never printed");
    }

    @Test
    void withoutOptionsTheBuilderDefaultsApply() {
        ServeLimits limits = parse();
        assertNull(limits.maxConnections);
        assertNull(limits.startupTimeout);
        assertEquals(AdminAccess.OPEN, limits.adminAccess(null));
        assertEquals(new AdminAccess("env"), limits.adminAccess("env"));
    }

    @Test
    void refusesValuesOutOfRange() {
        assertEquals("mockpg: option '--max-connections': '0' is not an integer of at least 1\n",
                errorOf("--max-connections", "0"));
        assertEquals("mockpg: option '--max-message-size': 'big' is not an integer of at least 1024\n",
                errorOf("--max-message-size", "big"));
        assertEquals("mockpg: option '--startup-timeout': '0s' must be longer than 0\n",
                errorOf("--startup-timeout", "0s"));
        assertEquals("mockpg: option '--admin-token' needs a value\n", errorOf("--admin-token"));
    }

    private static String errorOf(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
