package io.mockpg.internal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/** {@code mockpg}: the subcommands; a command line that names none is {@code serve}'s. */
@Command(name = "mockpg", versionProvider = MockPgCommand.Version.class)
final class MockPgCommand {
    @Mixin
    HelpOptions help = new HelpOptions();

    /** {@code --version}: "mockpg VERSION". */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mockpg " + Main.version()};
        }
    }
}
