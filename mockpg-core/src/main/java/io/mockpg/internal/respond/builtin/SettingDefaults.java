package io.mockpg.internal.respond.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PostgreSQL's defaults for the settings a client can see (SHOW, current_setting, pg_settings). */
final class SettingDefaults {
    /** A setting's canonical name, its default value and SHOW ALL's description. */
    record Default(String name, String value, String description, boolean isBoolean) {
    }

    /** The GUC_REPORT parameters, in the order a PostgreSQL 18 server sends them at startup. */
    static final List<String> REPORTED = List.of("application_name", "client_encoding", "DateStyle",
            "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser",
            "scram_iterations", "search_path", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "TimeZone");

    private static final Map<String, Default> BY_LOWER_NAME = new LinkedHashMap<>();

    static {
        add("application_name", "", "Sets the application name to be reported in statistics and logs.");
        add("bytea_output", "hex", "Sets the output format for bytea.");
        add("client_encoding", "UTF8", "Sets the client's character set encoding.");
        add("client_min_messages", "notice", "Sets the message levels that are sent to the client.");
        add("DateStyle", "ISO, MDY", "Sets the display format for date and time values.");
        addBool("default_transaction_deferrable", "off", "Sets the default deferrable status of new transactions.");
        add("default_transaction_isolation", "read committed",
                "Sets the transaction isolation level of each new transaction.");
        addBool("default_transaction_read_only", "off", "Sets the default read-only status of new transactions.");
        add("extra_float_digits", "1", "Sets the number of digits displayed for floating-point values.");
        add("idle_in_transaction_session_timeout", "0",
                "Sets the maximum allowed idle time between queries, when in a transaction.");
        addBool("in_hot_standby", "off", "Shows whether hot standby is currently active.");
        addBool("integer_datetimes", "on", "Shows whether datetimes are integer based.");
        add("IntervalStyle", "postgres", "Sets the display format for interval values.");
        addBool("is_superuser", "on", "Shows whether the current user is a superuser.");
        addBool("jit", "on", "Allow JIT compilation.");
        add("lc_collate", "en_US.UTF-8", "Shows the collation order locale.");
        add("lc_ctype", "en_US.UTF-8", "Shows the character classification and case conversion locale.");
        add("lc_messages", "en_US.UTF-8", "Sets the language in which messages are displayed.");
        add("lock_timeout", "0", "Sets the maximum allowed duration of any wait for a lock.");
        add("max_connections", "100", "Sets the maximum number of concurrent connections.");
        add("max_identifier_length", "63", "Shows the maximum identifier length.");
        add("max_index_keys", "32", "Shows the maximum number of index keys.");
        add("role", "none", "Sets the current role.");
        addBool("row_security", "on", "Enable row security.");
        add("scram_iterations", "4096", "Sets the iteration count for SCRAM secret generation.");
        add("search_path", "\"$user\", public", "Sets the schema search order for names that are not schema-qualified.");
        add("server_encoding", "UTF8", "Shows the server (database) character set encoding.");
        add("server_version", "16.4", "Shows the server version.");
        add("server_version_num", "160004", "Shows the server version as an integer.");
        add("session_authorization", "postgres", "Sets the session user name.");
        addBool("standard_conforming_strings", "on", "Causes '...' strings to treat backslashes literally.");
        add("statement_timeout", "0", "Sets the maximum allowed duration of any statement.");
        add("synchronous_commit", "on", "Sets the current transaction's synchronization level.");
        add("TimeZone", "UTC", "Sets the time zone for displaying and interpreting time stamps.");
        addBool("transaction_deferrable", "off",
                "Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.");
        add("transaction_isolation", "read committed", "Sets the current transaction's isolation level.");
        addBool("transaction_read_only", "off", "Sets the current transaction's read-only status.");
        add("work_mem", "4MB", "Sets the maximum memory to be used for query workspaces.");
    }

    private SettingDefaults() {
    }

    private static void add(String name, String value, String description) {
        BY_LOWER_NAME.put(name.toLowerCase(Locale.ROOT), new Default(name, value, description, false));
    }

    private static void addBool(String name, String value, String description) {
        BY_LOWER_NAME.put(name.toLowerCase(Locale.ROOT), new Default(name, value, description, true));
    }

    /** The known setting of this name (any case), or null. */
    static Default find(String name) {
        return BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    static Iterable<Default> all() {
        return BY_LOWER_NAME.values();
    }
}
