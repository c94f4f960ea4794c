package io.mockpg.internal.server;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A COPY FROM STDIN's data as it arrives, up to CopyDone or CopyFail; Flush and Sync are
 * ignored meanwhile, as PostgreSQL does (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY).
 */
final class CopyInData {
    private final Result.CopyIn copy;
    private final int limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** More than the limit arrived: the rest is read and dropped, and CopyDone gets 54000. */
    private boolean tooLarge;
    private String text;
    private boolean failed;

    /** @param limit how many bytes are kept for the journal (the statement size limit) */
    CopyInData(Result.CopyIn copy, int limit) {
        this.copy = copy;
        this.limit = limit;
    }

    /**
     * Takes the next frontend message: true while the COPY goes on; else the COPY has ended and
     * its CommandComplete or ErrorResponse is written.
     */
    boolean accept(FrontendMessage message, ByteBuf out) {
        if (message instanceof FrontendMessage.CopyData data) {
            if (!tooLarge && (long) bytes.size() + data.data().length > limit) {
                tooLarge = true;
                bytes = new ByteArrayOutputStream();
            }
            if (!tooLarge) {
                bytes.writeBytes(data.data());
            }
            return true;
        } else if (message instanceof FrontendMessage.Flush || message instanceof FrontendMessage.Sync) {
            return true;
        } else if (message instanceof FrontendMessage.CopyDone && tooLarge) {
            text = "";
            failed = true;
            BackendMessages.errorResponse(out, StatementSize.copyTooLarge(limit));
        } else if (message instanceof FrontendMessage.CopyDone) {
            text = bytes.toString(StandardCharsets.UTF_8);
            long rows = CopyFormat.countRows(text, copy.csv());
            BackendMessages.commandComplete(out, copy.tag(copy.header() && rows > 0 ? rows - 1 : rows));
        } else if (message instanceof FrontendMessage.CopyFail fail) {
            text = bytes.toString(StandardCharsets.UTF_8);
            failed = true;
            BackendMessages.errorResponse(out, ErrorFields.error("57014", "COPY from stdin failed: " + fail.message()));
        } else {
            failed = true;
            BackendMessages.errorResponse(out, ErrorFields.error("08P01",
                    "unexpected message type " + message.getClass().getSimpleName() + " during COPY from stdin"));
        }
        return false;
    }

    /** The data received, once CopyDone or CopyFail ended the COPY; else null. */
    String text() {
        return text;
    }

    boolean failed() {
        return failed;
    }
}
