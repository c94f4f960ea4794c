package io.mockpg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.testing.OwnDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public check API against the real PostgreSQL: the report, assertNoDrift, and the failures it never hides. */
class ScriptCheckTest {
    static final String DDL = """
            DROP TABLE IF EXISTS api_accounts;
            CREATE TABLE api_accounts (id int8 PRIMARY KEY, owner text NOT NULL, opened date);
            """;

    @TempDir
    Path directory;

    private static String url() {
        return OwnDatabase.prepare("checkdb", DDL);
    }

    private Path script(String yaml) throws IOException {
        return Files.writeString(directory.resolve("accounts.yaml"), yaml);
    }

    @Test
    void aCleanScriptPassesAssertNoDrift() throws IOException {
        ScriptCheckReport report = ScriptCheck.against(url()).script(script("""
                rules:
                  - id: account
                    match:
                      sql: SELECT id, owner, opened FROM api_accounts WHERE id = $1
                      params: [7]
                    respond:
                      columns: [{id: int8}, {owner: text}, {opened: date}]
                  - match: {regex: api_accounts}
                """)).run();
        report.assertNoDrift();
        assertTrue(report.clean());
        assertEquals(1, report.checked());
        assertEquals(0, report.drifted());
        assertEquals(1, report.notChecked().size());
        assertEquals("1 rules checked, 0 drifted, 1 not checked", report.summary());
    }

    @Test
    void assertNoDriftListsEveryDrift() throws IOException {
        Path file = script("""
                rules:
                  - id: account
                    match:
                      sql: SELECT id, owner, opened FROM api_accounts WHERE id = $1
                      params: [seven]
                    respond:
                      columns: [{id: int4}, {owner: text}, {opened: date}]
                """);
        ScriptCheckReport report = ScriptCheck.against(url()).scripts(file.toString()).run();
        assertEquals(List.of(
                        new ScriptCheckReport.Drift(file.toString(), 5, 16, "account",
                                "params value \"seven\" is not valid for $1 of type int8: invalid input syntax for type"
                                        + " bigint: \"seven\""),
                        new ScriptCheckReport.Drift(file.toString(), 7, 17, "account",
                                "column 'id' is int8 in the database, not int4")),
                report.drifts());
        AssertionError error = assertThrows(AssertionError.class, report::assertNoDrift);
        assertEquals("the scripts differ from the database:\n"
                + file + ":5:16: rule account: params value \"seven\" is not valid for $1 of type int8: invalid input"
                + " syntax for type bigint: \"seven\"\n"
                + file + ":7:17: rule account: column 'id' is int8 in the database, not int4\n"
                + "1 rules checked, 1 drifted, 0 not checked", error.getMessage());
    }

    @Test
    void aScriptThatDoesNotLoadThrowsTheLoadersProblems() throws IOException {
        Path file = script("rules:\n  - match: {sql: SELECT 1, parms: [1]}\n");
        ScriptException error = assertThrows(ScriptException.class, () -> ScriptCheck.against(url()).script(file).run());
        assertEquals(List.of(file + ":2:28: unknown key 'parms' in match; did you mean 'params'?"), error.problems());
    }

    @Test
    void anUnreachableDatabaseThrowsWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ScriptCheck check = ScriptCheck.against("postgresql://app:app-secret@127.0.0.1:" + closedPort + "/checkdb")
                .script(script("rules: []\n"));
        IllegalStateException error = assertThrows(IllegalStateException.class, check::run);
        assertEquals("cannot connect to upstream 127.0.0.1:" + closedPort + ": connection refused", error.getMessage());
    }
}
