package io.mockpg.internal.check;

import io.mockpg.ScriptCheckReport;
import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.script.yaml.ScriptLoader.LocatedScript;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mockpg check --against URL [--json] SCRIPT...} once its arguments are parsed: prints
 * one line per drift and the summary (or one JSON object) and returns the exit status: 0
 * nothing drifted; 1 something did, or the database could not be reached (then only the
 * reason, never a report made from part of a check); 2 a script did not load.
 */
public final class CheckRun {
    private CheckRun() {
    }

    public static int run(String url, boolean json, List<String> scripts, ProbeConnector connector, PrintStream out,
                          PrintStream err) {
        List<LocatedScript> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String location : scripts) {
            try {
                loaded.add(ScriptLoader.loadLocated(location));
            } catch (ScriptException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            if (json) {
                out.println(CheckJson.errors(problems));
            }
            return 2;
        }
        ScriptCheckReport report;
        try (SchemaProbe probe = connector.open(url)) {
            report = ScriptChecker.check(loaded, probe);
        } catch (IllegalArgumentException e) {
            err.println("mockpg check: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            String reason = "cannot check against the database: " + e.getMessage();
            err.println("mockpg check: " + reason);
            if (json) {
                out.println(CheckJson.failure(reason));
            }
            return 1;
        }
        if (json) {
            out.println(CheckJson.report(report));
        } else {
            report.drifts().forEach(out::println);
            out.println(report.summary());
        }
        return report.clean() ? 0 : 1;
    }
}
