package io.mockpg.internal.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A subcommand's {@code --help}, written like a man page. The OPTIONS section is rendered from
 * the command's own options, so an option added to a command appears in its help with no
 * second edit; the other sections are the command's prose.
 */
final class ManPage {
    /** The line of a command's prose replaced by its option list. */
    static final String OPTIONS_MARKER = "{options}";

    private static final String INDENT = "    ";
    private static final int MIN_NAME_WIDTH = 20;
    private static final int WIDTH = 92;

    private ManPage() {
    }

    /** The prose with its {@link #OPTIONS_MARKER} line replaced by the options of {@code spec}. */
    static String render(String prose, CommandSpec spec) {
        return prose.replace(INDENT + OPTIONS_MARKER + "\n", options(spec));
    }

    static String options(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options());
        // picocli numbers undeclared order -1; those come after the numbered ones, help last
        options.sort(Comparator.comparingInt(o -> o.order() < 0 ? Integer.MAX_VALUE - 1 : o.order()));
        List<String> names = options.stream().map(ManPage::names).toList();
        int width = Math.max(MIN_NAME_WIDTH, names.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            String name = names.get(i);
            List<String> lines = wrap(String.join(" ", options.get(i).description()),
                    WIDTH - INDENT.length() - width);
            text.append(INDENT).append(name);
            if (name.length() + 2 > width) {
                text.append('\n').append(INDENT).append(" ".repeat(width));
            } else {
                text.append(" ".repeat(width - name.length()));
            }
            for (int line = 0; line < lines.size(); line++) {
                if (line > 0) {
                    text.append(INDENT).append(" ".repeat(width));
                }
                text.append(lines.get(line)).append('\n');
            }
        }
        return text.toString();
    }

    /** "-s, --script FILE", or "    --host ADDR" for an option with no short name. */
    private static String names(OptionSpec option) {
        String shortName = option.shortestName().startsWith("--") ? "    " : option.shortestName() + ", ";
        String label = option.arity().max() == 0 ? "" : " " + option.paramLabel();
        return shortName + option.longestName() + label;
    }

    private static List<String> wrap(String description, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : description.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
