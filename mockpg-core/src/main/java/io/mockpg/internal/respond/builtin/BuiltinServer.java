package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.script.Rule;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What built-in answers know of the server.
 *
 * @param version    server_version to report (e.g. "16.4")
 * @param parameters script's server.parameters overrides (also what SHOW returns)
 * @param host       bound host
 * @param port       bound port (known once listening)
 * @param hub        LISTEN/NOTIFY routing shared by all sessions
 * @param rules      the script rules loaded now: what the script says about the schema (the
 *                   sequences its rules call nextval on) changes the catalog's answers
 */
public record BuiltinServer(String version, Map<String, String> parameters, String host, IntSupplier port,
                            NotificationHub hub, Supplier<List<Rule>> rules) {

    /** A server whose script says nothing about the schema. */
    public BuiltinServer(String version, Map<String, String> parameters, String host, IntSupplier port,
                         NotificationHub hub) {
        this(version, parameters, host, port, hub, List::of);
    }
}
