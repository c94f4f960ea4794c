package io.mockpg.internal.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** A command line that cannot be used: one line {@code mockpg: ...} on stderr, exit status 2. */
final class ParameterErrors implements IParameterExceptionHandler {
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("mockpg: " + message(e));
        e.getCommandLine().getErr().flush();
        return USAGE;
    }

    static String message(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return "unknown option '" + unmatched.getUnmatched().get(0) + "' (see --help)";
        }
        ArgSpec arg = e.getArgSpec();
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            arg = missing.getMissing().get(0);
        }
        if (!(arg instanceof OptionSpec option)) {
            return arg == null ? e.getMessage() : "missing " + arg.paramLabel() + " (see --help)";
        }
        String name = "option '" + option.longestName() + "'";
        if (option.arity().max() == 0) {
            return name + " takes no value";
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException conversion) {
            return name + ": " + conversion.getMessage();
        }
        return name + " needs a value";
    }
}
