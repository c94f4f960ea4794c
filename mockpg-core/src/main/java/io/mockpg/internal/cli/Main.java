package io.mockpg.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import io.mockpg.internal.server.channel.EpollTransport;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code java -jar mockpg.jar [SUBCOMMAND] [options]}: the subcommands of the runnable jar, with
 * {@code serve} the default (see docs/standalone.md).
 */
public final class Main {
    static {
        // before the first logger exists: the runnable jar's defaults for slf4j-simple
        LogDefaults.apply(System.getenv("MOCKPG_LOG_LEVEL"));
        NettyDefaults.apply(System.getProperties());
    }

    /** The subcommand run when the command line names none. */
    static final String DEFAULT_SUBCOMMAND = "serve";
    private static final String HELP_SECTION = "manPage";
    /** Every subcommand, in the order --help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("serve", "record", "check", "lint");
    private static final Set<String> SUBCOMMAND_NAMES = Set.copyOf(SUBCOMMANDS);
    /** The subcommands that listen, on the native transport. */
    private static final Set<String> LISTENING = Set.of("serve", "record");

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (Throwable e) { // event loop threads must not outlive an unexpected failure
            LoggerFactory.getLogger(Main.class).error("mockpg: unexpected failure", e);
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the subcommand (a listening one until SIGTERM/SIGINT); returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String[] effective = withDefaultSubcommand(args, SUBCOMMAND_NAMES);
        if (LISTENING.contains(effective[0])) {
            preloadTransport();
        }
        // only the subcommand that runs is built: picocli reads each command's annotations by reflection
        return commandLine(new Console(out, err), List.of(effective[0])).execute(effective);
    }

    /**
     * Loads the native transport's library on another thread while the command line is
     * parsed: the two take about the same time, and a listening subcommand needs both.
     */
    private static void preloadTransport() {
        Thread preload = new Thread(EpollTransport::available, "mockpg-preload");
        preload.setDaemon(true);
        preload.start();
    }

    private static Object subcommand(String name, Console console) {
        return switch (name) {
            case "serve" -> new ServeCommand(console);
            case "record" -> new RecordCommand(console);
            case "check" -> new CheckCommand(console);
            case "lint" -> new LintCommand(console);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine(Console console) {
        return commandLine(console, SUBCOMMANDS);
    }

    private static CommandLine commandLine(Console console, List<String> subcommands) {
        CommandLine cli = new CommandLine(new MockPgCommand());
        for (String name : subcommands) {
            cli.addSubcommand(name, subcommand(name, console));
        }
        configure(cli, console);
        for (CommandLine sub : cli.getSubcommands().values()) {
            configure(sub, console);
        }
        return cli;
    }

    private static void configure(CommandLine command, Console console) {
        command.setOut(new PrintWriter(console.out(), true));
        command.setErr(new PrintWriter(console.err(), true));
        command.setExpandAtFiles(false);
        command.setOverwrittenOptionsAllowed(true); // as most tools: the last --port wins
        command.setParameterExceptionHandler(new ParameterErrors());
        command.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("mockpg: " + e.getMessage());
            return 1;
        });
        command.getCommandSpec().versionProvider(new MockPgCommand.Version());
        if (command.getCommand() instanceof Documented documented) {
            command.getHelpSectionMap().put(HELP_SECTION,
                    help -> ManPage.render(documented.manPage(), help.commandSpec()));
            command.setHelpSectionKeys(List.of(HELP_SECTION));
        }
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.width(100);
    }

    static Set<String> subcommandNames() {
        return SUBCOMMAND_NAMES;
    }

    /** {@code mockpg --script x.yaml} is {@code mockpg serve --script x.yaml}. */
    static String[] withDefaultSubcommand(String[] args, Set<String> subcommands) {
        if (args.length > 0 && subcommands.contains(args[0])) {
            return args;
        }
        List<String> effective = new ArrayList<>(List.of(args));
        effective.add(0, DEFAULT_SUBCOMMAND);
        return effective.toArray(String[]::new);
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/io/mockpg/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
