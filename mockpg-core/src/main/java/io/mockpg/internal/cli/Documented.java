package io.mockpg.internal.cli;

/** A subcommand with a man-page {@code --help}; see {@link ManPage}. */
interface Documented {
    /** The sections of its help, with a line {@value ManPage#OPTIONS_MARKER} where the options go. */
    String manPage();
}
