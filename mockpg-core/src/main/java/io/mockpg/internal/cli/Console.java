package io.mockpg.internal.cli;

import java.io.PrintStream;

/** Where a subcommand writes: its announcement lines to {@code out}, its complaints to {@code err}. */
record Console(PrintStream out, PrintStream err) {
}
