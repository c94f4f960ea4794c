package io.mockpg.internal.cli;

import io.mockpg.internal.server.channel.EpollTransport;
import java.net.BindException;

/** Why a listening subcommand could not start, in the words its users act on. */
final class StartFailure {
    private StartFailure() {
    }

    static String describe(Exception e, ListenOptions listen) {
        // a port in use: NIO's BindException (as the cause), or epoll's native error
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || EpollTransport.portInUse(t)) {
                return "cannot listen on " + listen.host + ":" + listen.port
                        + ": the port is in use (use --port 0 for any free port)";
            }
        }
        return "cannot start: " + e.getMessage();
    }
}
