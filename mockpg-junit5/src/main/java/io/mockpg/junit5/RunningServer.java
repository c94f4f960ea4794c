package io.mockpg.junit5;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.respond.RuleInfo;
import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server started for a test class (or a single test), kept in JUnit's store and closed with
 * it, together with what the checks after each test need: the settings, the names of the rules
 * it was started with, which rules have answered, and which unmatched statements were already
 * reported.
 */
final class RunningServer implements AutoCloseable {
    private final MockPgServer server;
    private final ServerSettings settings;
    private final List<String> ruleNames;
    private final Credentials credentials;
    private final SystemPropertiesHook properties;
    private final Set<String> usedRules = ConcurrentHashMap.newKeySet();
    /** Reported entries by what never changes in them (the outcome does, when their transaction ends). */
    private final Set<List<Object>> reported = ConcurrentHashMap.newKeySet();
    private final List<JournalEntry> deferredUnmatched = new CopyOnWriteArrayList<>();

    /** The recorder the class's clients talk to in record-once mode, else null. */
    private final RecordOnce recording;

    private RunningServer(MockPgServer server, ServerSettings settings, List<Script> scripts, RecordOnce recording) {
        this.server = server;
        this.settings = settings;
        this.ruleNames = ruleNames(scripts);
        this.credentials = Credentials.from(scripts);
        this.recording = recording;
        this.properties = SystemPropertiesHook.publish(jdbcUrl(), recording == null ? server.port() : recording.port(),
                server.host());
    }

    /**
     * Loads the settings' scripts and starts a server on a random port.
     *
     * @param owner the test class or test the server is for, named in error messages
     */
    static RunningServer start(ServerSettings settings, String owner) {
        java.util.Optional<String> toRecord = RecordOnce.scriptName(settings);
        // recording: the script may not exist yet, and the clients talk to the recorder
        RecordOnce recording = toRecord.map(name -> RecordOnce.start(name, owner)).orElse(null);
        List<Script> scripts = recording != null ? List.of() : load(settings.scripts(), owner);
        MockPgServer.Builder builder = MockPgServer.builder().port(0);
        scripts.forEach(builder::script);
        MockPgServer server;
        try {
            server = builder.start();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("mockpg: the server for " + owner + " did not start: "
                    + e.getMessage(), e);
        }
        return new RunningServer(server, settings, scripts, recording);
    }

    /** Loads scripts, failing with every problem of the first script that does not load. */
    static List<Script> load(Collection<ScriptSpec> specs, String owner) {
        List<Script> scripts = new ArrayList<>();
        for (ScriptSpec spec : specs) {
            try {
                scripts.add(spec.load());
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException("mockpg: cannot load script " + spec.describe()
                        + " for " + owner + ":\n" + e.getMessage(), e);
            }
        }
        return scripts;
    }

    static List<String> ruleNames(List<Script> scripts) {
        return scripts.stream().flatMap(script -> script.rules().stream()).map(Rule::displayName).toList();
    }

    MockPgServer server() {
        return server;
    }

    /** Where the class's clients connect: the server, or in record-once mode the recorder. */
    String jdbcUrl() {
        return recording != null ? recording.jdbcUrl() : server.jdbcUrl();
    }

    ServerSettings settings() {
        return settings;
    }

    Credentials credentials() {
        return credentials;
    }

    /** Remembers which rules have answered, from the server's own counters, before a reset zeroes them. */
    void recordUsage() {
        server.rules().stream().filter(rule -> rule.answered() > 0).map(RuleInfo::id).forEach(usedRules::add);
    }

    /** Those of the given rule names that never answered. */
    List<String> unused(List<String> names) {
        return names.stream().filter(name -> !usedRules.contains(name)).toList();
    }

    /** The server's start rules that never answered. */
    List<String> unusedStartRules() {
        return unused(ruleNames);
    }

    /** The entries not reported before, marking them reported. */
    List<JournalEntry> claimUnreported(List<JournalEntry> entries) {
        return entries.stream()
                .filter(entry -> reported.add(Arrays.asList(entry.sessionId(), entry.time(), entry.sql(), entry.params())))
                .toList();
    }

    /** Keeps unmatched statements sent outside any test for the class-level check. */
    void deferUnmatched(List<JournalEntry> unmatched) {
        deferredUnmatched.addAll(claimUnreported(unmatched));
    }

    /** The deferred unmatched statements, forgetting them. */
    List<JournalEntry> takeDeferredUnmatched() {
        List<JournalEntry> taken = List.copyOf(deferredUnmatched);
        deferredUnmatched.removeAll(taken);
        return taken;
    }

    @Override
    public void close() {
        try {
            properties.close();
        } finally {
            try {
                server.close();
            } finally {
                if (recording != null) {
                    recording.close();
                }
            }
        }
    }

    /** Who the injected DataSource connects as: the script's first user when it configures users. */
    record Credentials(String user, String password) {
        static final Credentials DEFAULT = new Credentials("mockpg", null);

        static Credentials from(List<Script> scripts) {
            Credentials found = DEFAULT;
            for (Script script : scripts) {
                AuthConfig auth = script.server() == null ? null : script.server().auth();
                if (auth != null && auth.users() != null && !auth.users().isEmpty()) {
                    Map.Entry<String, String> first = auth.users().entrySet().iterator().next();
                    found = new Credentials(first.getKey(), first.getValue());
                }
            }
            return found;
        }
    }
}
