package io.mockpg;

/**
 * A failure a real PostgreSQL (or the network in front of it) produces, played on the wire as
 * PostgreSQL plays it, so that drivers and pools react as they would in production. Used by
 * stubs ({@code willFault}) and by fault sweeps ({@code @FaultSweep}); docs/resilience.md says
 * when each one happens for real.
 */
public enum Fault {
    /** ERROR 40001 {@code could not serialize access due to concurrent update}. */
    SERIALIZATION_FAILURE,
    /** ERROR 40P01 {@code deadlock detected}. */
    DEADLOCK,
    /** FATAL 57P01 {@code terminating connection due to administrator command}, then the connection is closed. */
    ADMIN_SHUTDOWN,
    /** The socket is closed instead of an answer. */
    CONNECTION_CLOSED,
    /** The connection is reset (TCP RST) instead of an answer. */
    CONNECTION_RESET,
    /** The socket is closed after the first DataRow of a row-returning answer. */
    CLOSED_MID_RESULT,
    /** ERROR 57014 {@code canceling statement due to user request}. */
    QUERY_CANCELED
}
