package io.mockpg.internal.script.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into SnakeYAML's node tree (never into Java objects), with the limits of
 * docs/script-reference.md, "Loading and errors", so that every value keeps its line and column.
 */
final class YamlComposer {
    static final int MAX_ALIASES = 100;
    static final int MAX_DEPTH = 100;
    static final int MAX_CODE_POINTS = 10 * 1024 * 1024;

    private YamlComposer() {
    }

    /** Loader options shared by composing and by constructing scalars. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    /**
     * The composed document (its root null for an empty one); on a syntax error or a limit hit,
     * null with the problem added. The plain subset of YAML that recorded scripts are written in
     * is composed by {@link YamlSubset}, the rest by SnakeYAML.
     */
    static Document compose(String text, Problems problems) {
        Node subset = YamlSubset.compose(text);
        if (subset != null) {
            return new Document(subset, false, true);
        }
        return composeAny(text, problems);
    }

    /** As {@link #compose}, always with SnakeYAML's own composer. */
    static Document composeAny(String text, Problems problems) {
        LoaderOptions options = options();
        Parser parser = new ParserImpl(new StreamReader(new SurrogateSafeReader(new StringReader(text))), options);
        LastEventParser events = new LastEventParser(parser);
        try {
            Node root = new Composer(events, new Resolver(), options).getSingleNode();
            return new Document(root, events.aliased(), false);
        } catch (MarkedYAMLException e) {
            problems.add(e.getProblemMark(), describe(e));
        } catch (YAMLException e) {
            problems.addAtStart(limitMessage(e));
        } catch (IllegalArgumentException e) {
            // thrown by SnakeYAML's node classes, e.g. for a tag such as !%a (fuzzing finding)
            problems.add(events.lastStart(), "invalid YAML: " + e.getMessage());
        }
        return null;
    }

    /**
     * A composed document: its root (null when empty), whether it used an alias, and whether
     * every tag is known to be a standard one (the subset's tags are the resolver's own).
     */
    record Document(Node root, boolean aliased, boolean standardTags) {
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (e.getContext() == null) {
            return problem;
        }
        String where = e.getContextMark() == null ? ""
                : " at line " + (e.getContextMark().getLine() + 1) + ", column " + (e.getContextMark().getColumn() + 1);
        return problem + " (" + e.getContext() + where + ")";
    }

    private static String limitMessage(YAMLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.startsWith("Number of aliases")) {
            return "too many aliases: at most " + MAX_ALIASES + " aliases of lists and mappings are allowed";
        }
        if (message.startsWith("Nesting Depth")) {
            return "nesting too deep: at most " + MAX_DEPTH + " levels are allowed";
        }
        if (message.contains("exceeds the limit")) {
            return "document too large: at most " + MAX_CODE_POINTS + " characters are allowed";
        }
        return "cannot read YAML: " + message;
    }
}
