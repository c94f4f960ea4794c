package io.mockpg.examples.compat;

/**
 * One JVM client of the suite holding the conversation with a server: its JUnit test points it
 * at mockpg with an asserting report, {@link ObserveClient} at the recorder or its replay with
 * an observing one.
 */
interface CompatClient {
    void converse(Endpoint endpoint, CheckReport report);
}
