package io.mockpg.internal.cli;

import java.util.Locale;
import java.util.Set;

/**
 * The standalone server's logging defaults for the slf4j-simple binding of the runnable jar:
 * to stderr, a short time stamp, INFO unless {@code MOCKPG_LOG_LEVEL} says otherwise. Values
 * given with {@code -Dorg.slf4j.simpleLogger...} win. The library itself sets nothing.
 */
final class LogDefaults {
    static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private LogDefaults() {
    }

    /** @param level the wanted level (trace, debug, info, warn, error, off), or null for info */
    static void apply(String level) {
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("defaultLogLevel", level(level));
        // Netty's own INFO chatter is of no use to a user of the server
        setIfAbsent("log.io.netty", "warn");
    }

    /** The slf4j-simple level for a MOCKPG_LOG_LEVEL value; unknown values fall back to info. */
    static String level(String level) {
        if (level == null) {
            return "info";
        }
        String normalized = level.trim().toLowerCase(Locale.ROOT);
        return LEVELS.contains(normalized) ? normalized : "info";
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
