package io.mockpg.junit5;

import io.mockpg.Stub;
import io.mockpg.internal.api.ServerBridge;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One script as the user named it, loaded when its server starts or its test begins. */
sealed interface ScriptSpec {

    /** Loads the script; a {@code ScriptException} names the source and every problem. */
    Script load();

    /** How the user named it, for messages. */
    String describe();

    static ScriptSpec location(String location) {
        return new Location(location);
    }

    static ScriptSpec file(Path file) {
        return new Location(file.toString());
    }

    static ScriptSpec stubs(List<Stub> stubs) {
        return new Stubs(List.copyOf(stubs));
    }

    static ScriptSpec inline(String yaml) {
        return new Inline(yaml);
    }

    /** {@code "classpath:x.yaml"} or a file path. */
    record Location(String location) implements ScriptSpec {
        @Override
        public Script load() {
            return ScriptLoader.load(location);
        }

        @Override
        public String describe() {
            return location;
        }
    }

    /** Rules built in Java, named {@code stubs#N} by position. */
    record Stubs(List<Stub> stubs) implements ScriptSpec {
        @Override
        public Script load() {
            List<Rule> rules = new ArrayList<>();
            for (Stub stub : stubs) {
                rules.add(ServerBridge.rule(stub, "stubs", rules.size() + 1));
            }
            return Script.ofRules("stubs", rules);
        }

        @Override
        public String describe() {
            return "stubs";
        }
    }

    /** YAML text given inline. */
    record Inline(String yaml) implements ScriptSpec {
        @Override
        public Script load() {
            return ScriptLoader.parse("inline", yaml);
        }

        @Override
        public String describe() {
            return "inline YAML";
        }
    }
}
