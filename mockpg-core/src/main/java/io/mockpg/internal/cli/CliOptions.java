package io.mockpg.internal.cli;

import io.mockpg.internal.script.yaml.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone server's command line (README.md, "Standalone server").
 *
 * @param scripts      --script files, in order (later ones take precedence)
 * @param port         --port (0 = any free port)
 * @param host         --host
 * @param portFile     --port-file, or null
 * @param watch        --watch
 * @param adminPort    --admin-port, or null when off
 * @param drainTimeout --drain-timeout
 * @param help         --help
 * @param version      --version
 */
record CliOptions(List<Path> scripts, int port, String host, Path portFile, boolean watch, Integer adminPort,
                  Duration drainTimeout, boolean help, boolean version) {

    /** A command line that cannot be used; exit status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Options without a value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("-h", "--help", "--version", "--watch");

    static CliOptions parse(String[] args) throws UsageException {
        List<Path> scripts = new ArrayList<>();
        int port = 5432;
        String host = "127.0.0.1";
        Path portFile = null;
        boolean watch = false;
        Integer adminPort = null;
        Duration drainTimeout = Duration.ofSeconds(5);
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (inlineValue != null && FLAGS.contains(arg)) {
                throw new UsageException("option '" + arg + "' takes no value");
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--version" -> version = true;
                case "--watch" -> watch = true;
                case "-s", "--script" -> scripts.add(Path.of(value(args, ++i, arg, inlineValue)));
                case "-p", "--port" -> port = portNumber(value(args, ++i, arg, inlineValue), arg);
                case "--host" -> host = value(args, ++i, arg, inlineValue);
                case "--port-file" -> portFile = Path.of(value(args, ++i, arg, inlineValue));
                case "--admin-port" -> adminPort = portNumber(value(args, ++i, arg, inlineValue), arg);
                case "--drain-timeout" -> drainTimeout = duration(value(args, ++i, arg, inlineValue), arg);
                case "record" -> throw new UsageException(
                        "'record' is planned but not available in this version");
                default -> throw new UsageException("unknown option '" + args[i] + "' (see --help)");
            }
            if (inlineValue != null) {
                i--;
            }
        }
        return new CliOptions(List.copyOf(scripts), port, host, portFile, watch, adminPort, drainTimeout, help,
                version);
    }

    private static String value(String[] args, int index, String option, String inlineValue)
            throws UsageException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (index >= args.length) {
            throw new UsageException("option '" + option + "' needs a value");
        }
        return args[index];
    }

    private static int portNumber(String text, String option) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("option '" + option + "': '" + text + "' is not a port number (0-65535)");
        }
    }

    /** "250ms", "5s", "1.5s", "2m": as a script's delay. */
    static Duration duration(String text, String option) throws UsageException {
        try {
            Duration duration = DurationText.parse(text);
            if (duration != null) {
                return duration;
            }
        } catch (ArithmeticException e) {
            // reported below
        }
        throw new UsageException("option '" + option + "': '" + text + "' is not a duration (e.g. 250ms, 5s, 1m)");
    }
}
