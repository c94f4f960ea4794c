package io.mockpg.examples.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JVM client of the suite in the differential suite's mode ({@code examples/compat/differential.sh},
 * run through {@code examples/compat/jvm/jvm-client.sh}): holds the conversation with the server
 * named on the command line and prints what it observed, one {@code OBSERVE} line per decoded
 * value, tag or error, asserting nothing; exits 1 when an exception broke a check.
 *
 * <pre>ObserveClient pgjdbc-default|pgjdbc-simple|pgjdbc-binary|hikari|r2dbc|vertx --observe --port PORT
 *     [--host HOST] [--database DB] [--user USER]     (password: PGPASSWORD)</pre>
 */
public final class ObserveClient {
    private ObserveClient() {
    }

    public static void main(String[] args) {
        Map<String, CompatClient> clients = Map.of(
                PgjdbcClient.Mode.DEFAULT.client, new PgjdbcClient(PgjdbcClient.Mode.DEFAULT),
                PgjdbcClient.Mode.SIMPLE.client, new PgjdbcClient(PgjdbcClient.Mode.SIMPLE),
                PgjdbcClient.Mode.BINARY.client, new PgjdbcClient(PgjdbcClient.Mode.BINARY),
                "hikari", new HikariClient(() -> ""),
                "r2dbc", new R2dbcClient(),
                "vertx", new VertxClient());
        List<String> rest = new ArrayList<>(List.of(args));
        CompatClient client = rest.isEmpty() ? null : clients.get(rest.remove(0));
        rest.remove("--observe");
        if (client == null || rest.size() % 2 != 0) {
            usage(clients);
        }
        String host = "127.0.0.1";
        String port = null;
        String database = CompatScript.DATABASE;
        String user = CompatScript.USER;
        for (int i = 0; i < rest.size(); i += 2) {
            String value = rest.get(i + 1);
            switch (rest.get(i)) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--database" -> database = value;
                case "--user" -> user = value;
                default -> usage(clients);
            }
        }
        if (port == null) {
            usage(clients);
        }
        String password = System.getenv().getOrDefault("PGPASSWORD", CompatScript.PASSWORD);
        CheckReport report = CheckReport.observing(args[0], System.out);
        client.converse(new Endpoint(host, Integer.parseInt(port), database, user, password), report);
        System.exit(report.exitStatus());
    }

    private static void usage(Map<String, CompatClient> clients) {
        System.err.println("usage: ObserveClient " + String.join("|", clients.keySet().stream().sorted().toList())
                + " --observe --port PORT [--host HOST] [--database DB] [--user USER]   (password: PGPASSWORD)");
        System.exit(2);
    }
}
