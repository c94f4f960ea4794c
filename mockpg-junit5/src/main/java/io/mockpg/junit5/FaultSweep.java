package io.mockpg.junit5;

import io.mockpg.Fault;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns one test into a fault sweep (docs/resilience.md): the test runs once without faults,
 * and the statements that script rules answered in that run (built-in chatter aside) are
 * numbered 1..n; then it runs once per statement i and fault f, with the i-th such statement
 * answered by f instead of its rule. Each run is its own test in the report, named like
 * {@code #3 INSERT INTO orders … → 40001} (the SQLSTATE, or the fault's name for a fault
 * without one), and passes or fails on the test's own assertions. A clean run that fails ends
 * the sweep with that failure.
 *
 * <pre>{@code
 * @MockPg(scripts = "classpath:orders.yaml")
 * class PlaceOrderResilienceTest {
 *     @FaultSweep(faults = {Fault.SERIALIZATION_FAILURE, Fault.CONNECTION_CLOSED})
 *     void orderIsPlacedExactlyOnce(DataSource ds, MockPgServer server) { ... }
 * }
 * }</pre>
 *
 * <p>The statements of the test method itself are swept (not those of {@code @BeforeEach}
 * methods), on the server of the class's {@link MockPg} or {@link MockPgExtension}, reset
 * between runs as between tests. The runs of one sweep execute one after another: the later
 * ones are only known once the clean run has finished. When the class's methods share the
 * server concurrently, the sweep counts and faults only the statements of its own injected
 * {@code DataSource}/{@code Connection} sessions, and the server is not reset between runs.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith(FaultSweepExtension.class)
public @interface FaultSweep {
    /** The faults to play at each statement; all of them by default. */
    Fault[] faults() default {Fault.SERIALIZATION_FAILURE, Fault.DEADLOCK, Fault.ADMIN_SHUTDOWN,
            Fault.CONNECTION_CLOSED, Fault.CONNECTION_RESET, Fault.CLOSED_MID_RESULT, Fault.QUERY_CANCELED};
}
