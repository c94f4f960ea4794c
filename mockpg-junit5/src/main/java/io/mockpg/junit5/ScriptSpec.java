package io.mockpg.junit5;

import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;

import java.nio.file.Path;

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

    static ScriptSpec given(Script script) {
        return new Given(script);
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

    /** A script built in code. */
    record Given(Script script) implements ScriptSpec {
        @Override
        public Script load() {
            return script;
        }

        @Override
        public String describe() {
            return script.source();
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
