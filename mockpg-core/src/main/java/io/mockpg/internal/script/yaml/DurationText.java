package io.mockpg.internal.script.yaml;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scripts and the command line write them: a number and a unit ms, s or m. */
public final class DurationText {
    public static final String FORMAT = "expected a number and a unit ms, s or m, e.g. 250ms, 2s, 1.5s, 1m";
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)");

    private DurationText() {
    }

    /**
     * "250ms", "2s", "1.5s", "1m"; null when the text is not a duration.
     *
     * @throws ArithmeticException when it is longer than a Duration of nanoseconds holds
     */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        BigDecimal nanosPerUnit = switch (matcher.group(2)) {
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            default -> BigDecimal.valueOf(60_000_000_000L);
        };
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(nanosPerUnit);
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    }
}
