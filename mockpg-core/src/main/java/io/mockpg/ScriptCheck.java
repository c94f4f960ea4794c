package io.mockpg;

import io.mockpg.internal.check.ProbeConnector;
import io.mockpg.internal.check.SchemaProbe;
import io.mockpg.internal.check.ScriptChecker;
import io.mockpg.internal.check.UpstreamProbes;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.script.yaml.ScriptLoader.LocatedScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks scripts against a real database's schema, as {@code mockpg check} does
 * (docs/checking.md): each rule's {@code match.sql} is parsed and described there, never
 * executed, inside a transaction that is rolled back, and compared with what the rule claims.
 *
 * <pre>{@code
 * ScriptCheck.against("postgresql://app:secret@127.0.0.1:5432/shop")
 *         .script("classpath:shop.yaml")
 *         .run()
 *         .assertNoDrift();
 * }</pre>
 */
public final class ScriptCheck {
    private final String url;
    private final List<String> locations = new ArrayList<>();
    private ProbeConnector connector = UpstreamProbes::open;

    private ScriptCheck(String url) {
        this.url = url;
    }

    /**
     * A check against the database at a libpq connection URI,
     * {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require]}; the
     * password may instead come from {@code PGPASSWORD}.
     */
    public static ScriptCheck against(String url) {
        return new ScriptCheck(Objects.requireNonNull(url, "url"));
    }

    /** Adds a script: a file path or {@code classpath:NAME}. */
    public ScriptCheck script(String location) {
        locations.add(Objects.requireNonNull(location, "location"));
        return this;
    }

    /** Adds a script file. */
    public ScriptCheck script(Path file) {
        return script(file.toString());
    }

    /** Adds scripts: file paths or {@code classpath:NAME}s. */
    public ScriptCheck scripts(String... more) {
        for (String location : more) {
            script(location);
        }
        return this;
    }

    /** Opens the session through another connector (tests of the check itself). */
    ScriptCheck connector(ProbeConnector probes) {
        this.connector = probes;
        return this;
    }

    /**
     * Loads the scripts, checks them in one database session and returns what was found.
     *
     * @throws io.mockpg.internal.script.yaml.ScriptException when a script does not load, with
     *         its {@code FILE:LINE:COLUMN} problems (nothing is checked then)
     * @throws IllegalStateException when the database cannot be reached, refuses the login, or
     *         the session breaks: a report is never made from part of a check
     */
    public ScriptCheckReport run() {
        List<LocatedScript> scripts = locations.stream().map(ScriptLoader::loadLocated).toList();
        try (SchemaProbe probe = connector.open(url)) {
            return ScriptChecker.check(scripts, probe);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("the check's database session broke: " + e.getMessage(), e);
        }
    }
}
