package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.internal.cli.admin.AdminAccess;

import java.time.Duration;

/**
 * The serving limits and the admin token of the command line (docs/robustness.md); null
 * members keep the builder's defaults.
 *
 * @param maxConnections   --max-connections
 * @param maxMessageSize   --max-message-size
 * @param startupTimeout   --startup-timeout
 * @param maxStatementSize --max-statement-size
 * @param adminToken       --admin-token, else the environment's MOCKPG_ADMIN_TOKEN
 */
record ServeLimits(Integer maxConnections, Integer maxMessageSize, Duration startupTimeout, Integer maxStatementSize,
                   String adminToken) {
    static final String TOKEN_VARIABLE = "MOCKPG_ADMIN_TOKEN";

    /** Whether {@code option} is one of these flags. */
    static boolean owns(String option) {
        return switch (option) {
            case "--max-connections", "--max-message-size", "--startup-timeout", "--max-statement-size",
                    "--admin-token" -> true;
            default -> false;
        };
    }

    /** This with the flag {@code option} set to {@code text}. */
    ServeLimits with(String option, String text) throws CliOptions.UsageException {
        return switch (option) {
            case "--max-connections" -> new ServeLimits(atLeast(text, option, 1), maxMessageSize, startupTimeout,
                    maxStatementSize, adminToken);
            case "--max-message-size" -> new ServeLimits(maxConnections, atLeast(text, option, 1024), startupTimeout,
                    maxStatementSize, adminToken);
            case "--startup-timeout" -> new ServeLimits(maxConnections, maxMessageSize, positive(text, option),
                    maxStatementSize, adminToken);
            case "--max-statement-size" -> new ServeLimits(maxConnections, maxMessageSize, startupTimeout,
                    atLeast(text, option, 1), adminToken);
            case "--admin-token" -> new ServeLimits(maxConnections, maxMessageSize, startupTimeout, maxStatementSize,
                    token(text, option));
            default -> throw new IllegalArgumentException(option);
        };
    }

    static ServeLimits none() {
        return new ServeLimits(null, null, null, null, null);
    }

    void applyTo(MockPgServer.Builder builder) {
        if (maxConnections != null) {
            builder.maxConnections(maxConnections);
        }
        if (maxMessageSize != null) {
            builder.maxMessageSize(maxMessageSize);
        }
        if (startupTimeout != null) {
            builder.startupTimeout(startupTimeout);
        }
        if (maxStatementSize != null) {
            builder.maxStatementSize(maxStatementSize);
        }
    }

    /** The admin API's access rule: the flag's token, else the environment's, else none. */
    AdminAccess adminAccess(String environmentToken) {
        String chosen = adminToken != null ? adminToken
                : environmentToken != null && !environmentToken.isBlank() ? environmentToken.trim() : null;
        return chosen == null ? AdminAccess.OPEN : new AdminAccess(chosen);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ServeLimits[maxConnections=" + maxConnections + ", maxMessageSize=" + maxMessageSize
                + ", startupTimeout=" + startupTimeout + ", maxStatementSize=" + maxStatementSize + ", adminToken="
                + (adminToken == null ? "none" : "(set)") + "]";
    }

    private static int atLeast(String text, String option, int minimum) throws CliOptions.UsageException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliOptions.UsageException("option '" + option + "': '" + text + "' is not an integer of at least "
                + minimum);
    }

    private static Duration positive(String text, String option) throws CliOptions.UsageException {
        Duration duration = CliOptions.duration(text, option);
        if (duration.isZero() || duration.isNegative()) {
            throw new CliOptions.UsageException("option '" + option + "': '" + text + "' must be longer than 0");
        }
        return duration;
    }

    private static String token(String text, String option) throws CliOptions.UsageException {
        if (text.isBlank()) {
            throw new CliOptions.UsageException("option '" + option + "' needs a non-empty token");
        }
        return text.trim();
    }
}
