package io.mockpg.internal.cli;

import picocli.CommandLine.Option;

/** {@code --help} and {@code --version}, which every subcommand accepts. */
final class HelpOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, order = 91, description = "print this text and exit")
    boolean help;

    @Option(names = "--version", versionHelp = true, order = 90, description = "print the version and exit")
    boolean version;
}
