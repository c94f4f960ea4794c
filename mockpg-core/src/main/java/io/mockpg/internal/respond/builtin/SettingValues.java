package io.mockpg.internal.respond.builtin;

import java.util.Locale;

/** Normalizes a value given to SET the way PostgreSQL shows it afterwards. */
final class SettingValues {
    private SettingValues() {
    }

    static String normalize(String canonicalName, String value, String previous) {
        SettingDefaults.Default known = SettingDefaults.find(canonicalName);
        if (known != null && known.isBoolean()) {
            return bool(value);
        }
        return switch (canonicalName) {
            case "client_encoding" -> encoding(value);
            case "DateStyle" -> dateStyle(value, previous);
            case "transaction_isolation", "default_transaction_isolation" -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    /** utf8, 'utf-8', unicode … → UTF8; other encodings upper-cased. */
    static String encoding(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "UTF8", "UTF-8", "UNICODE" -> "UTF8";
            default -> upper;
        };
    }

    private static String bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t", "y" -> "on";
            case "off", "false", "no", "0", "f", "n" -> "off";
            default -> value;
        };
    }

    /** DateStyle keeps the part (output format or field order) the new value does not give. */
    static String dateStyle(String value, String previous) {
        String format = null;
        String order = null;
        for (String part : value.split(",")) {
            switch (part.trim().toUpperCase(Locale.ROOT)) {
                case "ISO" -> format = "ISO";
                case "SQL" -> format = "SQL";
                case "POSTGRES" -> format = "Postgres";
                case "GERMAN" -> format = "German";
                case "DMY", "EURO", "EUROPEAN" -> order = "DMY";
                case "MDY", "US", "NONEURO", "NONEUROPEAN" -> order = "MDY";
                case "YMD" -> order = "YMD";
                default -> {
                    return value;
                }
            }
        }
        String[] old = previous == null ? new String[] {"ISO", "MDY"} : previous.split(",\\s*");
        String oldFormat = old[0];
        String oldOrder = old.length > 1 ? old[1] : "MDY";
        return (format == null ? oldFormat : format) + ", " + (order == null ? oldOrder : order);
    }
}
