package io.mockpg.internal.cli.admin;

import java.util.List;

/**
 * An admin API answer before it becomes an HTTP response.
 *
 * @param status HTTP status code
 * @param json   the JSON body, or null for none
 * @param allow  the methods allowed on the path, for 405; else null
 * @param stream a streamed journal body instead of {@code json}, or null
 */
record AdminReply(int status, byte[] json, List<String> allow, JournalStream stream) {

    static AdminReply json(int status, byte[] json) {
        return new AdminReply(status, json, null, null);
    }

    static AdminReply noContent() {
        return new AdminReply(204, null, null, null);
    }

    /** 200 with a JSON array written a page at a time (chunked), never whole in memory. */
    static AdminReply streamed(JournalStream stream) {
        return new AdminReply(200, null, null, stream);
    }
}
