package io.mockpg.internal.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --journal-limit N}: how many statements the journal keeps; older ones are dropped and
 * counted, so a long-running server's memory stays bounded (docs/ci.md).
 */
final class JournalLimit implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("'" + text + "' is not a journal limit: give a whole number of entries,"
                + " at least 1");
    }
}
