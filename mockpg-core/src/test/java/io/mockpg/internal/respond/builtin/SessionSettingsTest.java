package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Answer.ParameterChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.error;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.single;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SET, RESET, SHOW, set_config and current_setting. Compared with PostgreSQL 15: SHOW column
 * names (TimeZone, DateStyle, transaction_isolation), SHOW ALL's columns, the 42704 text
 * for unknown settings, the SET LOCAL / SET TRANSACTION warnings outside a block,
 * search_path rendering, DateStyle merging and client_encoding normalization.
 */
class SessionSettingsTest {
    private final BuiltinFixture server = new BuiltinFixture();

    @Test
    void reportsStartupParametersInPostgresOrder() {
        BuiltinFixture.Client client = server.client(7, Map.of("user", "alice", "database", "shop",
                "application_name", "billing", "client_encoding", "'utf-8'", "DateStyle", "ISO", "TimeZone",
                "Europe/Berlin", "options", "-c x=y", "extra_float_digits", "3"));
        Map<String, String> reported = client.session.reportedParameters();
        assertEquals(List.of("application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
                "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "scram_iterations",
                "server_encoding", "server_version", "session_authorization", "standard_conforming_strings",
                "TimeZone"), new ArrayList<>(reported.keySet()));
        assertEquals("billing", reported.get("application_name"));
        assertEquals("UTF8", reported.get("client_encoding"));
        assertEquals("ISO, MDY", reported.get("DateStyle"));
        assertEquals("Europe/Berlin", reported.get("TimeZone"));
        assertEquals("16.4", reported.get("server_version"));
        assertEquals("alice", reported.get("session_authorization"));
        assertEquals("on", reported.get("is_superuser"));
        assertEquals("4096", reported.get("scram_iterations"));
        assertEquals("3", single(client.run("SHOW extra_float_digits")));
    }

    @Test
    void scriptParametersAndVersionApplyAndPostgres18ReportsSearchPath() {
        BuiltinFixture pg18 = new BuiltinFixture("18.1", Map.of("TimeZone", "Asia/Tokyo", "is_superuser", "off"));
        BuiltinFixture.Client client = pg18.client();
        Map<String, String> reported = client.session.reportedParameters();
        assertEquals("18.1", reported.get("server_version"));
        assertEquals("Asia/Tokyo", reported.get("TimeZone"));
        assertEquals("off", reported.get("is_superuser"));
        assertEquals("\"$user\", public", reported.get("search_path"));
        assertEquals("180001", single(client.run("show server_version_num")));
        assertEquals("Asia/Tokyo", single(client.run("SHOW timezone")));
    }

    @Test
    void setChangesShowAndReportsParameterStatus() {
        BuiltinFixture.Client client = server.client();
        Answer set = client.run("SET application_name = 'PostgreSQL JDBC Driver'");
        assertEquals("SET", tag(set));
        assertEquals(List.of(new ParameterChange("application_name", "PostgreSQL JDBC Driver")), set.parameterStatus());
        Answer show = client.run("SHOW application_name");
        assertEquals("SHOW", tag(show));
        assertEquals(List.of("application_name:text"), columns(show));
        assertEquals("PostgreSQL JDBC Driver", single(show));

        assertEquals(List.of(), client.run("SET extra_float_digits = 3").parameterStatus());
        assertEquals("3", single(client.run("show EXTRA_FLOAT_DIGITS")));
    }

    @Test
    void timeZoneNamesAndEncodingForms() {
        BuiltinFixture.Client client = server.client();
        Answer timeZone = client.run("SET TIME ZONE 'Europe/Paris'");
        assertEquals(List.of(new ParameterChange("TimeZone", "Europe/Paris")), timeZone.parameterStatus());
        Answer show = client.run("SHOW timezone");
        assertEquals(List.of("TimeZone:text"), columns(show));
        assertEquals("Europe/Paris", single(show));
        assertEquals("Europe/Paris", single(client.run("SHOW TIME ZONE")));
        client.run("SET TIME ZONE LOCAL");
        assertEquals("UTC", single(client.run("SHOW TimeZone")));

        assertEquals(List.of(), client.run("SET NAMES 'unicode'").parameterStatus());
        assertEquals("UTF8", single(client.run("SHOW client_encoding")));
        Answer latin = client.run("SET client_encoding TO latin1");
        assertEquals(List.of(new ParameterChange("client_encoding", "LATIN1")), latin.parameterStatus());

        Answer dateStyle = client.run("SET datestyle TO 'German'");
        assertEquals(List.of(new ParameterChange("DateStyle", "German, MDY")), dateStyle.parameterStatus());
        assertEquals(List.of("DateStyle:text"), columns(client.run("show datestyle")));
    }

    @Test
    void searchPathIsRenderedLikePostgres() {
        BuiltinFixture.Client client = server.client();
        client.run("set search_path to a, \"B\", 'c d'");
        assertEquals("a, \"B\", \"c d\"", single(client.run("SHOW search_path")));
        assertEquals("a", single(client.run("select current_schema()")));
        client.run("SET SESSION search_path TO DEFAULT");
        assertEquals("\"$user\", public", single(client.run("SHOW search_path")));
        assertEquals("public", single(client.run("SELECT current_schema")));
    }

    @Test
    void resetReturnsToTheStartupValue() {
        BuiltinFixture.Client client = server.client(9, Map.of("application_name", "psql"));
        client.run("SET application_name = other");
        Answer reset = client.run("RESET application_name");
        assertEquals("RESET", tag(reset));
        assertEquals(List.of(new ParameterChange("application_name", "psql")), reset.parameterStatus());
        client.run("SET TimeZone = 'Asia/Tokyo'");
        client.run("SET statement_timeout = '5s'");
        Answer all = client.run("RESET ALL");
        assertEquals("RESET", tag(all));
        assertEquals(List.of(new ParameterChange("TimeZone", "UTC")), all.parameterStatus());
        assertEquals("0", single(client.run("SHOW statement_timeout")));
        client.run("SET application_name TO x");
        assertEquals(List.of(new ParameterChange("application_name", "psql")),
                client.run("SET application_name TO DEFAULT").parameterStatus());
    }

    @Test
    void unknownSettingIs42704ButCustomSettingsCanBeSet() {
        BuiltinFixture.Client client = server.client();
        assertEquals("42704", error(client.run("SHOW foo")).code());
        assertEquals("unrecognized configuration parameter \"foo\"", error(client.run("SHOW foo")).message());
        assertEquals("SET", tag(client.run("SET foo.bar = 1")));
        Answer custom = client.run("SHOW foo.bar");
        assertEquals(List.of("foo.bar:text"), columns(custom));
        assertEquals("1", single(custom));
    }

    @Test
    void transactionIsolationAndCharacteristics() {
        BuiltinFixture.Client client = server.client();
        Answer isolation = client.run("SHOW TRANSACTION ISOLATION LEVEL");
        assertEquals(List.of("transaction_isolation:text"), columns(isolation));
        assertEquals("read committed", single(isolation));

        Answer characteristics = client.run(
                "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
        assertEquals("SET", tag(characteristics));
        assertEquals(List.of(new ParameterChange("default_transaction_read_only", "on")),
                characteristics.parameterStatus());
        assertEquals("serializable", single(client.run("SHOW transaction_isolation")));
        assertEquals("on", single(client.run("show transaction_read_only")));

        Answer outside = client.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals("SET", tag(outside));
        assertEquals("SET TRANSACTION can only be used in transaction blocks", outside.notices().get(0).message());
        assertEquals("25P01", outside.notices().get(0).code());

        client.runIn('T', "BEGIN ISOLATION LEVEL READ COMMITTED");
        Answer inside = client.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals("SET", tag(inside));
        assertEquals(List.of(), inside.notices());
        assertEquals("repeatable read", single(client.run("SHOW TRANSACTION ISOLATION LEVEL")));
        client.enter('I');
        assertEquals("serializable", single(client.run("SHOW TRANSACTION ISOLATION LEVEL")));
    }

    @Test
    void setLocalLastsUntilTheTransactionEnds() {
        BuiltinFixture.Client client = server.client();
        Answer idle = client.run("SET LOCAL TimeZone = 'Asia/Tokyo'");
        assertEquals("SET LOCAL can only be used in transaction blocks", idle.notices().get(0).message());
        assertEquals("UTC", single(client.run("SHOW TimeZone")));

        Answer local = client.runIn('T', "SET LOCAL TimeZone = 'Asia/Tokyo'");
        assertEquals(List.of(new ParameterChange("TimeZone", "Asia/Tokyo")), local.parameterStatus());
        assertEquals("Asia/Tokyo", single(client.run("SHOW TimeZone")));
        Answer afterCommit = client.runIn('I', "SHOW TimeZone");
        assertEquals("UTC", single(afterCommit));
        assertEquals(List.of(new ParameterChange("TimeZone", "UTC")), afterCommit.parameterStatus());
    }

    @Test
    void sessionAuthorizationAndRoleChangeTheCurrentUser() {
        BuiltinFixture.Client client = server.client();
        Answer authorization = client.run("SET SESSION AUTHORIZATION 'bob'");
        assertEquals(List.of(new ParameterChange("session_authorization", "bob")), authorization.parameterStatus());
        assertEquals("bob", single(client.run("SELECT session_user")));
        client.run("SET ROLE 'carol'");
        assertEquals("carol", single(client.run("SELECT CURRENT_USER")));
        client.run("RESET ROLE");
        assertEquals("bob", single(client.run("select current_user")));
        Answer back = client.run("SET SESSION AUTHORIZATION DEFAULT");
        assertEquals(List.of(new ParameterChange("session_authorization", "alice")), back.parameterStatus());
    }

    @Test
    void showAllListsSettingsWithDescriptions() {
        Answer all = server.client().run("SHOW ALL");
        assertEquals("SHOW", tag(all));
        assertEquals(List.of("name:text", "setting:text", "description:text"), columns(all));
        List<Object[]> rows = rows(all);
        assertTrue(rows.stream().anyMatch(row -> row[0].equals("TimeZone") && row[1].equals("UTC")));
        assertTrue(rows.stream().anyMatch(row -> row[0].equals("DateStyle") && row[2] != null));
    }

    @Test
    void setConfigAndCurrentSettingWithLiteralsAndParameters() {
        BuiltinFixture.Client client = server.client();
        Answer asyncpg = client.run("SELECT current_setting('jit') AS cur, set_config('jit', 'off', false) AS new");
        assertEquals(List.of("cur:text", "new:text"), columns(asyncpg));
        Object[] row = rows(asyncpg).get(0);
        assertEquals("on", row[0]);
        assertEquals("off", row[1]);
        assertEquals("off", single(client.run("SHOW jit")));

        Answer flyway = client.run("SELECT set_config('search_path', $1, false)", "\"$user\",flyway");
        assertEquals(List.of("set_config:text"), columns(flyway));
        assertEquals("\"$user\",flyway", single(flyway));
        assertEquals("flyway", single(client.run("SELECT current_schema")));

        Answer timeZone = client.run("select set_config($1, $2, $3)", "TimeZone", "Europe/Rome", "false");
        assertEquals(List.of(new ParameterChange("TimeZone", "Europe/Rome")), timeZone.parameterStatus());
        assertEquals("Europe/Rome", single(client.run("SELECT current_setting($1)", "timezone")));

        assertEquals(null, single(client.run("select current_setting('nope', true)")));
        assertEquals("42704", error(client.run("select current_setting('nope')")).code());
        assertFalse(client.run("SELECT current_setting('TimeZone')").parameterStatus().size() > 0);
    }
}
