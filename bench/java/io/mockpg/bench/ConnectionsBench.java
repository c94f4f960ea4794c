package io.mockpg.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Opens N sessions and holds them idle, prints {@code idle N}, waits for a line on stdin
 * (the caller samples the server meanwhile), then runs {@code SELECT 1} on each and prints
 * {@code answered K}. Args: JDBC_URL USER PASSWORD N.
 */
public final class ConnectionsBench {
    private ConnectionsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[3]);
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        props.setProperty("password", args[2]);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<Connection> connections = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                connections.add(DriverManager.getConnection(args[0], props));
            }
            System.out.println("idle " + connections.size());
            System.out.flush();
            input.readLine();
            int answered = 0;
            for (Connection connection : connections) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT 1")) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        answered++;
                    }
                }
            }
            System.out.println("answered " + answered);
            System.out.flush();
            input.readLine();
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
