package io.mockpg.internal.cli;

import io.mockpg.internal.check.CheckRun;
import io.mockpg.internal.check.ProbeConnector;
import io.mockpg.internal.check.UpstreamProbes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mockpg check --against URL [--json] SCRIPT...}: scripts against a real database's schema (docs/checking.md). */
@Command(name = "check")
final class CheckCommand implements Callable<Integer>, Documented {
    @Option(names = "--against", paramLabel = "URL", order = 1,
            description = "the database, as postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require];"
                    + " the password may come from PGPASSWORD instead")
    String against;

    @Option(names = "--json", order = 2, description = "print one JSON object instead of the lines")
    boolean json;

    @Parameters(paramLabel = "SCRIPT", arity = "1..*", description = "the scripts to check")
    List<String> scripts = new ArrayList<>();

    @Mixin
    HelpOptions help = new HelpOptions();

    private final Console console;
    private final ProbeConnector connector;

    CheckCommand(Console console) {
        this(console, UpstreamProbes::open);
    }

    CheckCommand(Console console, ProbeConnector connector) {
        this.console = console;
        this.connector = connector;
    }

    @Override
    public Integer call() {
        if (against == null) {
            console.err().println("mockpg: check needs --against URL (see check --help)");
            return ParameterErrors.USAGE;
        }
        int status = CheckRun.run(against, json, scripts, connector, console.out(), console.err());
        console.out().flush();
        console.err().flush();
        return status;
    }

    @Override
    public String manPage() {
        return """
                NAME
                    mockpg check - check scripts against a real database's schema

                SYNOPSIS
                    java -jar mockpg.jar check --against URL [--json] SCRIPT...

                DESCRIPTION
                    Sends the SQL of every rule with match.sql to the database at URL as Parse and
                    Describe, never Execute, in one session inside a transaction that is rolled
                    back, and compares what PostgreSQL says with what the rule claims: the SQL is
                    valid there; its parameter count; each params value is valid input for its
                    parameter's type; the columns' names, order and types (by OID: varchar and
                    text differ); rows or no rows. Rules with match.regex or without match.sql are
                    listed as not checked.

                OPTIONS
                    {options}

                OUTPUT
                    One line per drift on stdout, FILE:LINE:COLUMN: rule ID: what differs, at the
                    rule's sql or the differing params or columns entry; then the summary line
                    "N rules checked, M drifted, K not checked". With --json, one JSON object.

                ENVIRONMENT
                    PGPASSWORD        the password, when URL has none

                EXIT STATUS
                    0   nothing drifted
                    1   something drifted, or the database cannot be reached or refuses the
                        login (the reason on stderr; no report)
                    2   bad arguments, or a script that does not load (FILE:LINE:COLUMN: message
                        on stderr)

                EXAMPLES
                    PGPASSWORD=secret java -jar mockpg.jar check \\
                        --against postgresql://app@127.0.0.1:5432/shop src/test/resources/*.yaml
                """;
    }
}
