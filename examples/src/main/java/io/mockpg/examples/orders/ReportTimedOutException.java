package io.mockpg.examples.orders;

/** A report query was cancelled because it ran longer than allowed. */
public class ReportTimedOutException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportTimedOutException(String report, Throwable cause) {
        super(report + " took too long and was cancelled", cause);
    }
}
