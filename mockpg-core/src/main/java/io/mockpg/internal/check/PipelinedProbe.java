package io.mockpg.internal.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaProbe} over one upstream session: the statements go out in pipelined
 * batches, and each is only parsed and described, never executed.
 *
 * <p>The session: {@code BEGIN}, then a savepoint; per statement Parse (unnamed) + Describe
 * (statement) + Sync, then {@code ROLLBACK TO SAVEPOINT}; {@code ROLLBACK} at the end. Inside a
 * transaction block an error aborts the block, and every later message would fail with 25P02
 * until it is rolled back. Rolling back to the savepoint after each statement keeps one bad
 * statement from failing the ones pipelined after it, without a round trip to find out
 * whether it failed, and releases the locks its Parse took at once. (A Sync per statement
 * outside a block would isolate the statements too, but then each runs in its own implicit
 * transaction: the whole check is kept in one that is rolled back.) {@code statement_timeout}
 * and {@code lock_timeout} bound a Parse that waits on a lock a migration holds; the
 * PostgreSQL documentation, "Client Connection Defaults" describes both.
 */
public final class PipelinedProbe implements SchemaProbe {
    /** Statements per write at most: the batch's answers are read before the next batch goes out. */
    static final int BATCH = 250;
    /**
     * Bytes per write at most, so a batch always fits the server's receive buffer: a blocking
     * wire that writes a batch before reading cannot then wait on a server waiting on it.
     */
    static final int BATCH_BYTES = 32 * 1024;
    static final String SAVEPOINT = "mockpg_check";
    private static final String OPEN = "BEGIN; SET LOCAL statement_timeout = '5s'; SET LOCAL lock_timeout = '2s'; "
            + "SAVEPOINT " + SAVEPOINT;

    private final ProbeWire wire;
    private boolean open;
    private int roundTrips;

    public PipelinedProbe(ProbeWire wire) {
        this.wire = wire;
    }

    @Override
    public List<StatementShape> describe(List<ProbeStatement> statements) {
        List<StatementShape> shapes = new ArrayList<>(statements.size());
        try {
            for (int from = 0; from < statements.size(); ) {
                int batch = roundTrip(statements, from, shapes);
                from += batch;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return shapes;
    }

    /**
     * One write of the statements from {@code from} on (as many as a batch holds), then their
     * answers, added to shapes; the first batch also opens the transaction. Returns how many went.
     */
    private int roundTrip(List<ProbeStatement> statements, int from, List<StatementShape> shapes)
            throws IOException {
        ProbeMessages messages = new ProbeMessages();
        boolean opening = !open;
        if (opening) {
            messages.query(OPEN);
        }
        int count = 0;
        while (from + count < statements.size() && count < BATCH && (count == 0 || messages.size() < BATCH_BYTES)) {
            ProbeStatement statement = statements.get(from + count);
            messages.parse(statement.sql(), statement.paramOids()).describeStatement().sync()
                    .query("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            count++;
        }
        wire.send(messages.bytes());
        roundTrips++;
        if (opening) {
            expectCommand("opening the transaction");
            open = true;
        }
        for (int i = 0; i < count; i++) {
            shapes.add(readShape());
            expectCommand("rolling back to the savepoint");
        }
        return count;
    }

    /** The answers to Parse + Describe + Sync, up to ReadyForQuery. */
    private StatementShape readShape() throws IOException {
        int[] paramOids = null;
        List<StatementShape.Column> columns = null;
        StatementShape.Rejected error = null;
        for (BackendFrame frame = wire.receive(); frame.type() != BackendFrame.READY_FOR_QUERY;
             frame = wire.receive()) {
            switch (frame.type()) {
                case BackendFrame.PARAMETER_DESCRIPTION -> paramOids = frame.parameterOids();
                case BackendFrame.ROW_DESCRIPTION -> columns = frame.columns();
                case BackendFrame.ERROR_RESPONSE -> error = error == null ? frame.error() : error;
                default -> {
                    // ParseComplete, NoData; notices and parameter changes say nothing about the shape
                }
            }
        }
        if (error != null) {
            return error;
        }
        if (paramOids == null) {
            throw new IOException("the database answered Describe without a ParameterDescription");
        }
        return new StatementShape.Described(paramOids, columns);
    }

    /** The answers to a simple query up to ReadyForQuery; an error there means the session cannot be trusted. */
    private void expectCommand(String doing) throws IOException {
        StatementShape.Rejected error = null;
        for (BackendFrame frame = wire.receive(); frame.type() != BackendFrame.READY_FOR_QUERY;
             frame = wire.receive()) {
            if (frame.type() == BackendFrame.ERROR_RESPONSE && error == null) {
                error = frame.error();
            }
        }
        if (error != null) {
            throw new IOException("error while " + doing + ": " + error.sqlState() + " " + error.message());
        }
    }

    @Override
    public int roundTrips() {
        return wire.startupRoundTrips() + roundTrips;
    }

    /** Rolls the transaction back (nothing was executed, but Parse took locks) and ends the session. */
    @Override
    public void close() {
        try {
            if (open) {
                wire.send(new ProbeMessages().query("ROLLBACK").bytes());
                roundTrips++;
                expectCommand("rolling back");
            }
            wire.send(new ProbeMessages().terminate().bytes());
        } catch (IOException e) {
            // the session is gone: the server rolls back an abandoned transaction itself
        } finally {
            wire.close();
        }
    }
}
