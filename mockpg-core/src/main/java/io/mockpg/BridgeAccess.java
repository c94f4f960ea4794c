package io.mockpg;

import io.mockpg.internal.api.ServerBridge;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.server.SessionHandler;

import java.util.Collection;

/** The {@link ServerBridge}'s one implementation, with this package's access to a server and a builder. */
final class BridgeAccess implements ServerBridge.Access {
    @Override
    public ScriptEngine engine(MockPgServer server) {
        return server.engine;
    }

    @Override
    public void baseScript(MockPgServer.Builder builder, Script script) {
        builder.options.scripts.add(new ScriptSource.Loaded(script));
    }

    @Override
    public Rule rule(Stub stub, String source, int position) {
        return StubRules.rule(stub, source, position);
    }

    @Override
    public Collection<SessionHandler> sessions(MockPgServer server) {
        return server.server.sessions().all();
    }
}
