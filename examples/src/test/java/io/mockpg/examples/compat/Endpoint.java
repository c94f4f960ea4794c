package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;

/**
 * Where a client of the suite connects: mockpg loaded with the suite's script (the JUnit
 * tests), or the recorder in front of a real PostgreSQL and then its replay (the differential
 * suite, {@link ObserveClient}).
 */
record Endpoint(String host, int port, String database, String user, String password) {
    static Endpoint of(MockPgServer server) {
        return new Endpoint(server.host(), server.port(), CompatScript.DATABASE, CompatScript.USER, CompatScript.PASSWORD);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
