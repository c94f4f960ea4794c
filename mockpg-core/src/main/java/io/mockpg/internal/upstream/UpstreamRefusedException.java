package io.mockpg.internal.upstream;

/**
 * The upstream answered the startup with an ErrorResponse (bad password, too many clients,
 * shutting down, no such database, ...). A proxy hands {@link #frame()} to its client as is.
 */
public final class UpstreamRefusedException extends UpstreamException {
    private final BackendMessage.ErrorResponse error;
    private final byte[] frame;

    public UpstreamRefusedException(String address, BackendMessage.ErrorResponse error, byte[] frame) {
        super("upstream " + address + " refused the session: " + error.fields().getOrDefault('S', "ERROR") + " "
                + error.sqlState() + " " + error.message());
        this.error = error;
        this.frame = frame.clone();
    }

    public BackendMessage.ErrorResponse error() {
        return error;
    }

    /** The ErrorResponse as the upstream sent it, header included. */
    public byte[] frame() {
        return frame.clone();
    }
}
