package io.mockpg.internal.cli.admin;

import java.util.List;

/**
 * An admin API answer before it becomes an HTTP response.
 *
 * @param status HTTP status code
 * @param json   the JSON body, or null for none
 * @param allow  the methods allowed on the path, for 405; else null
 */
record AdminReply(int status, byte[] json, List<String> allow) {

    static AdminReply json(int status, byte[] json) {
        return new AdminReply(status, json, null);
    }

    static AdminReply noContent() {
        return new AdminReply(204, null, null);
    }
}
