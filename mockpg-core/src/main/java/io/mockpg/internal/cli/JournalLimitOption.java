package io.mockpg.internal.cli;

import io.mockpg.internal.journal.Journal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --journal-limit N}: how many statements the journal keeps (default 100,000); older
 * ones are dropped and counted, so a long-running server's memory stays bounded (docs/ci.md).
 * Taken out of the arguments before the other options are read.
 *
 * @param limit the journal limit
 * @param rest  the arguments without it
 */
record JournalLimitOption(int limit, String[] rest) {
    static final String NAME = "--journal-limit";

    /** @throws CliOptions.UsageException when the value is missing or not a positive integer */
    static JournalLimitOption extract(String[] args) throws CliOptions.UsageException {
        int limit = Journal.DEFAULT_LIMIT;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals(NAME)) {
                if (i + 1 >= args.length) {
                    throw new CliOptions.UsageException(NAME + " needs a value");
                }
                value = args[++i];
            } else if (arg.startsWith(NAME + "=")) {
                value = arg.substring(NAME.length() + 1);
            } else {
                rest.add(arg);
                continue;
            }
            limit = positive(value);
        }
        return new JournalLimitOption(limit, rest.toArray(String[]::new));
    }

    private static int positive(String value) throws CliOptions.UsageException {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliOptions.UsageException(NAME + " must be a whole number of entries, at least 1, found '" + value + "'");
    }
}
