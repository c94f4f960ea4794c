package io.mockpg.internal.respond.builtin;

import java.time.OffsetDateTime;
import java.util.function.IntSupplier;

/**
 * What server functions report about the server.
 *
 * @param version   server_version, e.g. "16.4"
 * @param host      bound address
 * @param port      bound port, known once listening
 * @param startedAt pg_postmaster_start_time()
 */
record ServerFacts(String version, String host, IntSupplier port, OffsetDateTime startedAt) {
    /** version()'s text, shaped like a Debian build of PostgreSQL. */
    String versionText() {
        return "PostgreSQL " + version + " on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit";
    }

    /** server_version_num: 16.4 → 160004 (10 and later use two parts). */
    String versionNum() {
        String[] parts = version.split("[^0-9]+");
        int major = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return Integer.toString(major * 10000 + minor);
    }

    int majorVersion() {
        return Integer.parseInt(versionNum()) / 10000;
    }
}
