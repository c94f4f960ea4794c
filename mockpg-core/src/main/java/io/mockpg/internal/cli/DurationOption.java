package io.mockpg.internal.cli;

import io.mockpg.internal.script.yaml.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "250ms", "5s", "1.5s", "2m": written as a script's delay. */
final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        try {
            Duration duration = DurationText.parse(text);
            if (duration != null) {
                return duration;
            }
        } catch (ArithmeticException e) {
            // reported below
        }
        throw new TypeConversionException("'" + text + "' is not a duration (e.g. 250ms, 5s, 1m)");
    }
}
