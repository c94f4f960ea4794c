package io.mockpg.bench;

import io.mockpg.MockPgServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Time from {@code MockPgServer.builder().start()} until a pgjdbc {@code SELECT 1} succeeds.
 * {@code fresh}: one start, printed as {@code ready} once done (the caller times the whole
 * process from its spawn); {@code warm N}: N starts after a warm-up in the same JVM, the median;
 * {@code first PORT}: in a fresh JVM, pgjdbc is loaded by a query to the server on PORT (another
 * process), then a server started here is given a second to come up and its first
 * {@code SELECT 1} is timed: what the first statement of a test costs once the server is up;
 * {@code client PORT}: no server here, one {@code SELECT 1} to the server on PORT, printed as
 * {@code ready} (the caller times the process): the part of {@code fresh} that is the JVM's and
 * pgjdbc's own.
 */
public final class StartBench {
    private StartBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("warm")) {
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
            for (int i = 0; i < 5; i++) {
                startAndQuery();
            }
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                millis[i] = startAndQuery();
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "warm-start-ms %.1f%n", millis[rounds / 2]);
        } else if (args.length > 1 && args[0].equals("first")) {
            query(urlOf(args[1]));
            try (MockPgServer server = MockPgServer.builder().start()) {
                Thread.sleep(1000);
                long start = System.nanoTime();
                query(server.jdbcUrl());
                System.out.printf(Locale.ROOT, "first-query-ms %.1f%n", (System.nanoTime() - start) / 1e6);
            }
        } else if (args.length > 1 && args[0].equals("client")) {
            long start = System.nanoTime();
            query(urlOf(args[1]));
            System.out.printf(Locale.ROOT, "ready %.1f%n", (System.nanoTime() - start) / 1e6);
        } else {
            double ms = startAndQuery();
            System.out.printf(Locale.ROOT, "ready %.1f%n", ms);
        }
    }

    /** One start + first query, in milliseconds; the server is closed afterwards (not timed). */
    private static double startAndQuery() throws Exception {
        long start = System.nanoTime();
        try (MockPgServer server = MockPgServer.builder().start()) {
            query(server.jdbcUrl());
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** The URL of a server on this host's PORT, started by another process. */
    private static String urlOf(String port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/mockpg";
    }

    /** Connects, runs SELECT 1, checks the answer and disconnects. */
    private static void query(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "app", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new IllegalStateException("SELECT 1 did not answer 1");
            }
        }
    }
}
