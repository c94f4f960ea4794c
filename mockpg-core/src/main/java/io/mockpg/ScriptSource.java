package io.mockpg;

import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One script a {@link MockPgServer.Builder} was given, loaded when the server starts. */
sealed interface ScriptSource {
    Script load();

    /** "classpath:x.yaml" or a file path. */
    record Location(String location) implements ScriptSource {
        public Script load() {
            return ScriptLoader.load(location);
        }
    }

    record File(Path path) implements ScriptSource {
        public Script load() {
            return ScriptLoader.load(path);
        }
    }

    record Inline(String yaml) implements ScriptSource {
        public Script load() {
            return ScriptLoader.parse("inline", yaml);
        }
    }

    /** Stubs given to the builder: one script, its rules named {@code start-stub#N} by position. */
    record Stubs(List<Stub> stubs) implements ScriptSource {
        public Script load() {
            List<io.mockpg.internal.script.Rule> rules = new ArrayList<>();
            for (Stub stub : stubs) {
                rules.add(StubRules.rule(stub, "start-stub", rules.size() + 1));
            }
            return Script.ofRules("start-stub", rules);
        }
    }

    /** A script already loaded (by the CLI or the JUnit extension). */
    record Loaded(Script script) implements ScriptSource {
        public Script load() {
            return script;
        }
    }
}
