package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;

import java.nio.file.Path;

/** The suite's shared script, {@code examples/compat/compat.yaml}, and its constants. */
final class CompatScript {
    static final String USER = "app";
    static final String PASSWORD = "s3cret";
    static final String DATABASE = "compat";
    static final int ACCOUNT = 7;

    static final String TYPES = "SELECT * FROM compat_types WHERE id = $1";
    static final String INSERT = "INSERT INTO compat_items (id, name) VALUES ($1, $2)";
    static final String SERIES = "SELECT n, label FROM compat_series ORDER BY n";
    static final String BALANCE = "SELECT balance FROM compat_accounts WHERE id = $1";
    static final String DEBIT = "UPDATE compat_accounts SET balance = balance - 10 WHERE id = $1";
    static final String REFUND = "UPDATE compat_accounts SET balance = balance + 10 WHERE id = $1";
    static final String UNMATCHED = "SELECT * FROM compat_itemz WHERE id = $1";

    private CompatScript() {
    }

    /** A server on a free port with the suite's script (the tests run in the examples module folder). */
    static MockPgServer start() {
        return MockPgServer.builder().script(Path.of("compat", "compat.yaml")).start();
    }

    /** JDBC form of a statement: {@code ?} placeholders. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    /** The rollback check: a debit seen inside its transaction (90), gone after the rollback (100). */
    static String rolledBack(CheckReport report, long debited, long inside, long after) {
        String detail = "debit " + debited + ", in transaction " + inside + ", after rollback " + after;
        report.require(debited == 1 && inside == 90 && after == 100, detail);
        return detail;
    }

    /** The commit check: a committed debit (90), then a refund back to 100. */
    static String committed(CheckReport report, long debited, long after, long refunded, long restored) {
        String detail = "debit " + debited + ", after commit " + after + ", refund " + refunded + ", then " + restored;
        report.require(debited == 1 && after == 90 && refunded == 1 && restored == 100, detail);
        return detail;
    }

    /** The 10,000-row result: n is 1..10000 and label "row-n". */
    static String seriesSummary(CheckReport report, long count, long sum, String lastLabel) {
        String detail = count + " rows, sum " + sum + ", last " + lastLabel;
        report.require(count == 10000 && sum == 50005000L && "row-10000".equals(lastLabel), detail);
        return detail;
    }
}
