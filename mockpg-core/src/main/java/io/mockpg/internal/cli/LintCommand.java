package io.mockpg.internal.cli;

import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.internal.script.yaml.ScriptLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mockpg lint SCRIPT...}: loads every script as {@code serve} would, and reports every problem. */
@Command(name = "lint")
final class LintCommand implements Callable<Integer>, Documented {
    @Parameters(paramLabel = "SCRIPT", arity = "1..*", description = "the scripts to check")
    List<Path> scripts = new ArrayList<>();

    @Mixin
    HelpOptions help = new HelpOptions();

    private final Console console;

    LintCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Script> loaded = new ArrayList<>();
        int problems = 0;
        for (Path file : scripts) {
            try {
                loaded.add(ScriptLoader.load(file));
            } catch (ScriptException e) {
                e.problems().forEach(console.err()::println);
                problems += e.problems().size();
            }
        }
        if (problems == 0) {
            try {
                // what serving them together would refuse beyond each file (e.g. their TLS files)
                new ScriptEngine(loaded, "127.0.0.1", () -> 0);
            } catch (RuntimeException e) {
                console.err().println("mockpg: " + e.getMessage());
                problems++;
            }
        }
        console.err().flush();
        return problems == 0 ? 0 : ParameterErrors.USAGE;
    }

    @Override
    public String manPage() {
        return """
                NAME
                    mockpg lint - check scripts without serving them

                SYNOPSIS
                    java -jar mockpg.jar lint [options] SCRIPT...

                DESCRIPTION
                    Loads each SCRIPT as "serve --script" would and reports every problem found in
                    any of them, each on stderr as FILE:LINE:COLUMN: message. Prints nothing when
                    all of them load.

                OPTIONS
                    {options}

                EXIT STATUS
                    0   every script loads
                    2   bad arguments, or at least one problem

                EXAMPLES
                    java -jar mockpg.jar lint src/test/resources/*.yaml
                """;
    }
}
