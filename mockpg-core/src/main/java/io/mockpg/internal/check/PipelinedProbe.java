package io.mockpg.internal.check;

import io.mockpg.internal.upstream.BackendMessage;
import io.mockpg.internal.upstream.FrontendMessages;
import io.mockpg.internal.upstream.UpstreamConnector;
import io.mockpg.internal.upstream.UpstreamException;
import io.mockpg.internal.upstream.UpstreamSession;
import io.netty.buffer.ByteBuf;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A {@link SchemaProbe} over one upstream session: the statements go out in pipelined
 * batches, and each is only parsed and described, never executed.
 *
 * <p>The session: {@code BEGIN} and a savepoint; then batches of Parse (unnamed) + Describe
 * (statement) per statement, with one Sync per batch; {@code ROLLBACK} at the end. An error
 * makes the server skip the rest of the batch up to the Sync, and aborts the transaction
 * block (every later message would fail with 25P02): the next batch then starts with
 * {@code ROLLBACK TO SAVEPOINT} and resends the statements that were skipped. A clean script
 * thus costs one round trip per batch and the server nothing but its Parses and Describes,
 * and each rule that PostgreSQL rejects one more round trip. (A Sync and a rollback to the
 * savepoint after every statement would need no second round trip, but would double the
 * commands the server runs for every rule, drifted or not; a Sync per statement outside a
 * transaction block would run each in its own implicit transaction instead of one that is
 * rolled back.) {@code lock_timeout} bounds a Parse that waits on a lock a migration holds,
 * and {@code statement_timeout}, which runs from a batch's first message to its Sync, a batch
 * that hangs; the PostgreSQL documentation, "Client Connection Defaults", describes both.
 */
final class PipelinedProbe implements SchemaProbe {
    /** Statements per round trip at most. */
    static final int BATCH = 250;
    static final String SAVEPOINT = "mockpg_check";
    static final String OPEN = "BEGIN; SET LOCAL statement_timeout = '30s'; SET LOCAL lock_timeout = '2s'; "
            + "SAVEPOINT " + SAVEPOINT;
    /** How long the client waits for a batch's answers, beyond the server's own statement_timeout. */
    private static final long WAIT_SECONDS = 60;

    private final UpstreamSession session;
    private final UpstreamConnector connector;
    private boolean open;
    private boolean aborted;
    private int roundTrips;

    /** A probe over session; closing it closes the session, then the connector that opened it. */
    PipelinedProbe(UpstreamSession session, UpstreamConnector connector) {
        this.session = session;
        this.connector = connector;
    }

    @Override
    public List<StatementShape> describe(List<ProbeStatement> statements) {
        List<StatementShape> shapes = new ArrayList<>(statements.size());
        while (shapes.size() < statements.size()) {
            int from = shapes.size();
            roundTrip(statements.subList(from, Math.min(statements.size(), from + BATCH)), shapes);
        }
        return shapes;
    }

    /**
     * One write of a batch, then its answers, added to shapes up to the first statement
     * PostgreSQL rejects (the server skipped those after it: they go in the next batch).
     */
    private void roundTrip(List<ProbeStatement> batch, List<StatementShape> shapes) {
        boolean opening = !open;
        boolean recovering = aborted;
        Iterator<BackendMessage> answers = exchange(out -> {
            if (opening) {
                FrontendMessages.query(out, OPEN);
            }
            if (recovering) {
                FrontendMessages.query(out, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            }
            for (ProbeStatement statement : batch) {
                FrontendMessages.parse(out, "", statement.sql(), statement.paramOids());
                FrontendMessages.describe(out, 'S', "");
            }
            FrontendMessages.sync(out);
        }).iterator();
        if (opening) {
            expectCommand(answers, "opening the transaction");
            open = true;
        }
        if (recovering) {
            expectCommand(answers, "rolling back to the savepoint");
            aborted = false;
        }
        for (int i = 0; i < batch.size(); i++) {
            StatementShape shape = shape(answers);
            shapes.add(shape);
            if (shape instanceof StatementShape.Rejected) {
                aborted = true;
                break;
            }
        }
        expectReady(answers);
    }

    /**
     * The answers to one statement's Parse + Describe: ParseComplete, ParameterDescription,
     * RowDescription or NoData; or an ErrorResponse, after which the server sends nothing
     * more before the batch's ReadyForQuery.
     */
    private static StatementShape shape(Iterator<BackendMessage> answers) {
        int[] paramOids = null;
        while (true) {
            BackendMessage message = next(answers);
            if (message instanceof BackendMessage.ErrorResponse e) {
                return new StatementShape.Rejected(e.sqlState(), e.message());
            } else if (message instanceof BackendMessage.ParameterDescription description) {
                paramOids = description.typeOids();
            } else if (message instanceof BackendMessage.RowDescription row) {
                return described(paramOids, row.fields().stream()
                        .map(f -> new StatementShape.Column(f.name(), f.typeOid())).toList());
            } else if (message instanceof BackendMessage.Empty empty && empty.type() == 'n') {
                return described(paramOids, null);
            } else if (message instanceof BackendMessage.ReadyForQuery) {
                throw broken("the database ended the batch before describing every statement", null);
            }
            // ParseComplete; notices and parameter changes say nothing about the shape
        }
    }

    private static StatementShape described(int[] paramOids, List<StatementShape.Column> columns) {
        if (paramOids == null) {
            throw broken("the database described a statement without a ParameterDescription", null);
        }
        return new StatementShape.Described(paramOids, columns);
    }

    private static BackendMessage next(Iterator<BackendMessage> answers) {
        if (!answers.hasNext()) {
            throw broken("the database's answers ended early", null);
        }
        return answers.next();
    }

    /** Skips to the batch's ReadyForQuery. */
    private static void expectReady(Iterator<BackendMessage> answers) {
        while (!(next(answers) instanceof BackendMessage.ReadyForQuery)) {
            // a notice after the last statement
        }
    }

    @Override
    public Map<Integer, String> typeNames(Set<Integer> oids) {
        if (oids.isEmpty()) {
            return Map.of();
        }
        String list = oids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Iterator<BackendMessage> answers = exchange(out -> {
            // a catalog read; after a rejected statement the block needs its savepoint back first
            if (aborted) {
                FrontendMessages.query(out, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            }
            FrontendMessages.query(out, "SELECT oid::int4, pg_catalog.format_type(oid, NULL) FROM pg_catalog.pg_type"
                    + " WHERE oid IN (" + list + ")");
        }).iterator();
        if (aborted) {
            expectCommand(answers, "rolling back to the savepoint");
            aborted = false;
        }
        Map<Integer, String> names = new HashMap<>();
        for (BackendMessage message = next(answers); !(message instanceof BackendMessage.ReadyForQuery);
             message = next(answers)) {
            if (message instanceof BackendMessage.DataRow row) {
                names.put(Integer.valueOf(text(row.values().get(0))), text(row.values().get(1)));
            } else if (message instanceof BackendMessage.ErrorResponse e) {
                throw broken("error while naming types: " + e.sqlState() + " " + e.message(), null);
            }
        }
        return names;
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The answers to a simple query up to ReadyForQuery; an error there means the session cannot be trusted. */
    private static void expectCommand(Iterator<BackendMessage> answers, String doing) {
        for (BackendMessage message = next(answers); !(message instanceof BackendMessage.ReadyForQuery);
             message = next(answers)) {
            if (message instanceof BackendMessage.ErrorResponse e) {
                throw broken("error while " + doing + ": " + e.sqlState() + " " + e.message(), null);
            }
        }
    }

    private List<BackendMessage> exchange(Consumer<ByteBuf> batch) {
        CompletableFuture<List<BackendMessage>> answers = session.exchange(batch);
        roundTrips++;
        try {
            return answers.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw broken(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw broken("no answer from the database in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw broken("interrupted", e);
        }
    }

    private static UncheckedIOException broken(String reason, Throwable cause) {
        return new UncheckedIOException(reason, new java.io.IOException(reason, cause));
    }

    @Override
    public int roundTrips() {
        return roundTrips;
    }

    /** Rolls the transaction back (nothing was executed, but Parse took locks) and ends the session. */
    @Override
    public void close() {
        try {
            if (open && session.channel().isActive()) {
                expectCommand(exchange(out -> FrontendMessages.query(out, "ROLLBACK")).iterator(), "rolling back");
            }
        } catch (UncheckedIOException | UpstreamException e) {
            // the session is gone: the server rolls back an abandoned transaction itself
        } finally {
            session.close(); // Terminate, then the socket
            try {
                session.closeFuture().get(1, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closed or not, the event loop goes now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connector.close();
        }
    }
}
