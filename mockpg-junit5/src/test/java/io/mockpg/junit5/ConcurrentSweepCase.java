package io.mockpg.junit5;

import io.mockpg.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep among test methods that share the server concurrently and keep it busy meanwhile. */
@MockPg(scripts = "classpath:sweep.yaml")
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentSweepCase {
    /** Per sweep run: which of its two statements failed (0 = none). */
    static final Map<String, Integer> FAILED_AT = new ConcurrentHashMap<>();
    static final AtomicInteger BUSY_STATEMENTS = new AtomicInteger();
    static volatile CountDownLatch sweepStarted = new CountDownLatch(1);
    static volatile CountDownLatch sweepDone = new CountDownLatch(5);
    static volatile CountDownLatch neighboursBusy = new CountDownLatch(2);

    @FaultSweep(faults = {Fault.SERIALIZATION_FAILURE, Fault.CONNECTION_CLOSED})
    void sweep(Connection connection, TestInfo info) throws InterruptedException {
        sweepStarted.countDown();
        try {
            // each run starts once both neighbours are sending statements of their own
            assertTrue(neighboursBusy.await(20, TimeUnit.SECONDS));
            int failedAt = 0;
            try {
                Sql.firstValue(connection, "SELECT id FROM accounts WHERE owner = 'ann'");
                failedAt = 1;
                Sql.firstValue(connection, "SELECT balance FROM accounts WHERE id = 1");
                failedAt = 0;
            } catch (SQLException e) {
                failedAt = failedAt + 1;
            }
            FAILED_AT.put(info.getDisplayName(), failedAt);
        } finally {
            sweepDone.countDown();
        }
    }

    @Test
    void busyNeighbour(Connection connection) throws Exception {
        keepBusy(connection);
    }

    @Test
    void otherBusyNeighbour(Connection connection) throws Exception {
        keepBusy(connection);
    }

    private static void keepBusy(Connection connection) throws Exception {
        assertTrue(sweepStarted.await(20, TimeUnit.SECONDS));
        boolean first = true;
        while (!sweepDone.await(0, TimeUnit.SECONDS)) {
            Sql.firstValue(connection, "SELECT id FROM accounts WHERE owner = 'ann'");
            BUSY_STATEMENTS.incrementAndGet();
            if (first) {
                neighboursBusy.countDown();
                first = false;
            }
        }
    }
}
