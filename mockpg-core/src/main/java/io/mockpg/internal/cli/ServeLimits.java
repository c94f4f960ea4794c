package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.internal.cli.admin.AdminAccess;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * The serving limits and the admin token of {@code serve} (docs/robustness.md); an option not
 * given keeps the builder's default.
 */
final class ServeLimits {
    static final String TOKEN_VARIABLE = "MOCKPG_ADMIN_TOKEN";

    @Option(names = "--max-connections", paramLabel = "N", converter = AtLeastOne.class, order = 23,
            description = "sessions at once, those logging in included (default 100; more get FATAL 53300)")
    Integer maxConnections;

    @Option(names = "--max-message-size", paramLabel = "BYTES", converter = AtLeastOneKibibyte.class, order = 24,
            description = "largest message a client may send (default 67108864; larger: 08P01 and the connection"
                    + " closed)")
    Integer maxMessageSize;

    @Option(names = "--max-statement-size", paramLabel = "N", converter = AtLeastOne.class, order = 25,
            description = "longest statement text in characters (default 1048576; longer: ERROR 54000 statement"
                    + " too large)")
    Integer maxStatementSize;

    @Option(names = "--startup-timeout", paramLabel = "D", converter = PositiveDuration.class, order = 26,
            description = "time allowed from connecting to logged in (default 10s)")
    Duration startupTimeout;

    @Option(names = "--admin-token", paramLabel = "T", converter = Token.class, order = 27,
            description = "every admin request but GET /health needs 'Authorization: Bearer T' (or set "
                    + TOKEN_VARIABLE + ")")
    String adminToken;

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

    /** The admin API's access rule: the option's token, else the environment's, else none. */
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

    /** A whole number with a lower bound. */
    abstract static class AtLeast implements ITypeConverter<Integer> {
        private final int minimum;

        AtLeast(int minimum) {
            this.minimum = minimum;
        }

        @Override
        public Integer convert(String text) {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= minimum) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + text + "' is not an integer of at least " + minimum);
        }
    }

    static final class AtLeastOne extends AtLeast {
        AtLeastOne() {
            super(1);
        }
    }

    /** A message shorter than this could not hold a startup packet's parameters. */
    static final class AtLeastOneKibibyte extends AtLeast {
        AtLeastOneKibibyte() {
            super(1024);
        }
    }

    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration duration = new DurationOption().convert(text);
            if (duration.isZero() || duration.isNegative()) {
                throw new TypeConversionException("'" + text + "' must be longer than 0");
            }
            return duration;
        }
    }

    static final class Token implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.isBlank()) {
                throw new TypeConversionException("needs a non-empty token");
            }
            return text.trim();
        }
    }
}
