package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rowsResult;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.single;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Liveness checks and server functions. Column names and types compared with PostgreSQL 15
 * (psql \gdesc): ?column? int4/text/bool/numeric/int8, casts named after the type,
 * user/current_user/session_user/current_catalog/current_schema as name, version text,
 * now/current_timestamp timestamptz, pg_backend_pid/inet_server_port int4,
 * inet_server_addr inet, txid_current int8, advisory locks void or bool, pg_sleep void.
 */
class ServerFunctionsTest {
    private final BuiltinFixture.Client client = new BuiltinFixture().client();

    @Test
    void literalSelects() {
        Answer one = client.run("SELECT 1");
        assertEquals(List.of("?column?:int4"), columns(one));
        assertEquals(1, single(one));
        assertEquals("SELECT", rowsResult(one).tagVerb());

        Answer many = client.run("select 1, 'x', true, 1.5, 3000000000, null, 1 as one, 2 two, 1::int8, 'a'::text, -1");
        assertEquals(List.of("?column?:int4", "?column?:text", "?column?:bool", "?column?:numeric", "?column?:int8",
                "?column?:text", "one:int4", "two:int4", "int8:int8", "text:text", "?column?:int4"), columns(many));
        assertArrayEquals(new Object[] {1, "x", true, new BigDecimal("1.5"), 3000000000L, null, 1, 2, 1L, "a", -1},
                rows(many).get(0));
        assertEquals(List.of("Quoted:int4"), columns(client.run("SELECT 1 AS \"Quoted\"")));
    }

    @Test
    void unsupportedSelectsAreNotBuiltIn() {
        assertNull(client.run("SELECT 'x' || 'y'"));
        assertNull(client.run("SELECT $1"));
        assertNull(client.run("SELECT my_function(1)"));
        assertNull(client.run("SELECT id FROM users"));
        assertNull(client.run("INSERT INTO t VALUES (1)"));
        // information_schema.sequences is built in since Hibernate reads it at start (FrameworkBootTest)
        assertNull(client.run("select * from information_schema.tables"));
    }

    @Test
    void versionAndIdentity() {
        Answer version = client.run("select version()");
        assertEquals(List.of("version:text"), columns(version));
        assertEquals("PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
                single(version));
        assertEquals("PostgreSQL 17.2 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
                single(new BuiltinFixture("17.2", java.util.Map.of()).client().run("SELECT version();")));

        Answer identity = client.run("select user, current_user, session_user, current_catalog, current_schema, "
                + "current_schema(), current_database(), pg_catalog.current_database()");
        assertEquals(List.of("user:name", "current_user:name", "session_user:name", "current_catalog:name",
                "current_schema:name", "current_schema:name", "current_database:name", "current_database:name"),
                columns(identity));
        assertArrayEquals(new Object[] {"alice", "alice", "alice", "shop", "public", "public", "shop", "shop"},
                rows(identity).get(0));
    }

    @Test
    void serverState() {
        Answer state = client.run("select pg_backend_pid(), inet_server_port(), inet_server_addr(), "
                + "pg_is_in_recovery(), txid_current(), now(), current_timestamp, pg_postmaster_start_time()");
        assertEquals(List.of("pg_backend_pid:int4", "inet_server_port:int4", "inet_server_addr:inet",
                "pg_is_in_recovery:bool", "txid_current:int8", "now:timestamptz", "current_timestamp:timestamptz",
                "pg_postmaster_start_time:timestamptz"), columns(state));
        Object[] row = rows(state).get(0);
        assertEquals(42, row[0]);
        assertEquals(5433, row[1]);
        assertEquals("127.0.0.1", row[2]);
        assertEquals(false, row[3]);
        assertInstanceOf(Long.class, row[4]);
        assertInstanceOf(OffsetDateTime.class, row[5]);
        assertEquals(List.of("pg_is_in_recovery:bool"), columns(client.run("SELECT pg_catalog.pg_is_in_recovery()")));
    }

    @Test
    void advisoryLocks() {
        Answer locks = client.run("select pg_advisory_lock(1), pg_try_advisory_lock(1, 2), pg_advisory_unlock(1), "
                + "pg_try_advisory_xact_lock(5), pg_advisory_xact_lock(6)");
        assertEquals(List.of("pg_advisory_lock:void", "pg_try_advisory_lock:bool", "pg_advisory_unlock:bool",
                "pg_try_advisory_xact_lock:bool", "pg_advisory_xact_lock:void"), columns(locks));
        assertArrayEquals(new Object[] {null, true, true, true, null}, rows(locks).get(0));
        assertEquals(true, single(client.run("SELECT pg_try_advisory_xact_lock($1)", "77431")));
        assertEquals(true, single(client.run("SELECT pg_try_advisory_lock(('77431'::int8))")));
        assertEquals(List.of("pg_advisory_unlock_all:void"), columns(client.run("SELECT pg_advisory_unlock_all()")));
    }

    @Test
    void pgSleepDelaysTheAnswer() {
        Answer sleep = client.run("SELECT pg_sleep(1.5)");
        assertEquals(List.of("pg_sleep:void"), columns(sleep));
        assertEquals(Duration.ofMillis(1500), sleep.delay());
        assertNull(single(sleep));
        assertEquals(Duration.ofSeconds(2), client.run("select pg_sleep($1)", "2").delay());
        assertNull(client.run("SELECT 1").delay());
    }
}
