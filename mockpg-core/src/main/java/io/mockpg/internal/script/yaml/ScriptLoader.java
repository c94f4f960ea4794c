package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Loads YAML scripts (docs/script-reference.md) into {@link Script} values. Either the whole script loads or a
 * {@link ScriptException} lists every problem found, each as {@code SOURCE:LINE:COLUMN: message}.
 */
public final class ScriptLoader {
    /** Prefix of a location naming a class path resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private ScriptLoader() {
    }

    /**
     * Loads {@code classpath:NAME} (a resource of the thread's context class loader, else of
     * this library's) or a file path. The location is the script's source in messages.
     */
    public static Script load(String location) {
        return open(location, false).script();
    }

    /** As {@link #load(String)}, with the positions of each rule's parts for reports that point into the file. */
    public static LocatedScript loadLocated(String location) {
        return open(location, true);
    }

    /** Positions are read only when asked for: they cost a tenth of a large script's load. */
    private static LocatedScript open(String location, boolean located) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return loadResource(location, located);
        }
        return load(Path.of(location), location, located);
    }

    /** A loaded script and where its rules' parts are written. */
    public record LocatedScript(Script script, ScriptPositions positions) {
    }

    /** Loads a file; its path as given is the script's source. */
    public static Script load(Path file) {
        return load(file, file.toString(), false).script();
    }

    /** Parses YAML text; source names it in messages (e.g. "admin"). */
    public static Script parse(String source, String yamlText) {
        return parse(source, yamlText, false).script();
    }

    /** As {@link #parse(String, String)}, with the positions of each rule's parts. */
    public static LocatedScript parseLocated(String source, String yamlText) {
        return parse(source, yamlText, true);
    }

    private static LocatedScript parse(String source, String yamlText, boolean located) {
        try {
            return read(source, new StringReader(yamlText), located);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LocatedScript load(Path file, String source, boolean located) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, new UnicodeReader(in), located);
        } catch (NoSuchFileException e) {
            throw failure(source, "file not found");
        } catch (IOException e) {
            throw failure(source, "cannot read file: " + e.getMessage());
        }
    }

    private static LocatedScript loadResource(String location, boolean located) {
        String name = location.substring(CLASSPATH_PREFIX.length());
        name = name.startsWith("/") ? name.substring(1) : name;
        InputStream in = openResource(name);
        if (in == null) {
            throw failure(location, "class path resource not found");
        }
        try (in) {
            return read(location, new UnicodeReader(in), located);
        } catch (IOException e) {
            throw failure(location, "cannot read class path resource: " + e.getMessage());
        }
    }

    private static InputStream openResource(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        return in != null ? in : ScriptLoader.class.getClassLoader().getResourceAsStream(name);
    }

    /** The script, with its positions when located (else null: only {@link #loadLocated} hands them out). */
    private static LocatedScript read(String source, Reader reader, boolean located) throws IOException {
        String text = readBounded(reader);
        if (text == null) {
            throw failure(source, "document too large: at most " + YamlComposer.MAX_CODE_POINTS
                    + " characters are allowed");
        }
        Problems problems = new Problems();
        YamlComposer.Document document = YamlComposer.compose(text, problems);
        if (!problems.isEmpty()) {
            throw new ScriptException(source, problems.sorted());
        }
        Node root = document.root();
        NodeTree tree = NodeTree.check(root, document.aliased(), document.standardTags(), problems);
        Script script;
        try {
            script = new ScriptReader(source, problems).read(root, tree);
        } catch (Scalars.InvalidScalar e) {
            problems.add(e.node(), e.getMessage());
            throw new ScriptException(source, problems.sorted());
        }
        if (!problems.isEmpty()) {
            throw new ScriptException(source, problems.sorted());
        }
        return new LocatedScript(script, located ? ScriptPositions.of(root) : null);
    }

    /**
     * The whole document, or null past the size limit. Checked before parsing: SnakeYAML's
     * reader slows down quadratically on a huge single token, so an oversized document is
     * refused without being scanned.
     */
    private static String readBounded(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[8192];
        int n;
        while ((n = reader.read(chunk)) > 0) {
            text.append(chunk, 0, n);
            if (text.length() > YamlComposer.MAX_CODE_POINTS) {
                return null;
            }
        }
        return text.toString();
    }

    private static ScriptException failure(String source, String message) {
        return new ScriptException(source, List.of(new Problem(1, 1, message)));
    }
}
