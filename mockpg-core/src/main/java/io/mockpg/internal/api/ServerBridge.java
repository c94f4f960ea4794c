package io.mockpg.internal.api;

import io.mockpg.MockPgServer;
import io.mockpg.Stub;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.server.SessionHandler;

import java.util.Collection;

/**
 * What mockpg's own modules (the CLI, the admin API, the JUnit extension) need from a
 * {@link MockPgServer} beyond its public API: its engine and loaded scripts, which are
 * internal types a user's IDE must not offer. {@code MockPgServer} installs the one
 * implementation when its class initializes, the way the JDK shares package-private access
 * between its own packages.
 */
public final class ServerBridge {
    /** The operations, implemented inside {@code io.mockpg} with access to private state. */
    public interface Access {
        ScriptEngine engine(MockPgServer server);

        void baseScript(MockPgServer.Builder builder, Script script);

        Rule rule(Stub stub, String source, int position);

        Collection<SessionHandler> sessions(MockPgServer server);
    }

    private static volatile Access access;

    private ServerBridge() {
    }

    /** Called once, by {@code MockPgServer}'s class initializer. */
    public static synchronized void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("the server bridge is installed already");
        }
        access = implementation;
    }

    /** The engine answering the server's sessions. */
    public static ScriptEngine engine(MockPgServer server) {
        return access().engine(server);
    }

    /** Adds a loaded script to the scripts a builder starts its server with. */
    public static MockPgServer.Builder baseScript(MockPgServer.Builder builder, Script script) {
        access().baseScript(builder, script);
        return builder;
    }

    /**
     * The rule a stub stands for, its Java values checked against their columns.
     *
     * @throws IllegalArgumentException saying what to change when the stub is not a valid rule
     */
    public static Rule rule(Stub stub, String source, int position) {
        return access().rule(stub, source, position);
    }

    /** The server's live (authenticated) sessions. */
    public static Collection<SessionHandler> sessions(MockPgServer server) {
        return access().sessions(server);
    }

    private static Access access() {
        Access installed = access;
        if (installed == null) {
            MockPgServer.builder(); // initializes MockPgServer, which installs the bridge
            installed = access;
        }
        return installed;
    }
}
