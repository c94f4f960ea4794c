package io.mockpg.internal.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what a subcommand opened, on its way out, whatever failed before. */
final class Closing {
    private static final Logger log = LoggerFactory.getLogger(Closing.class);

    private Closing() {
    }

    static void quietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("while closing", e);
            }
        }
    }
}
