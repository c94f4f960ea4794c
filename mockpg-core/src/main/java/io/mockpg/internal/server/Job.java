package io.mockpg.internal.server;

import io.mockpg.internal.protocol.frontend.FrontendMessage;

/** A statement in progress: a simple query string or one Execute. It may pause and be run again. */
interface Job {
    AnswerWriter.Step run();

    /** The next frontend message, while the job waits for COPY data. */
    AnswerWriter.Step accept(FrontendMessage message);

    void cancel();
}
