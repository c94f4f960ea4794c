package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer.ParameterChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One session's settings (GUCs): PostgreSQL defaults, then the script's server.parameters,
 * then the client's startup parameters (which are also what RESET returns to), then SET.
 * Transaction-scoped values (SET LOCAL, SET TRANSACTION, BEGIN ISOLATION LEVEL) live apart
 * and are dropped when the transaction ends. Names are case-insensitive.
 */
final class SessionSettings {
    private static final List<String> TRANSACTION_SETTINGS =
            List.of("transaction_isolation", "transaction_read_only", "transaction_deferrable");

    private final Map<String, String> canonicalNames = new HashMap<>();
    private final Map<String, String> initial = new HashMap<>();
    private final Map<String, String> current = new HashMap<>();
    private final Map<String, String> local = new HashMap<>();
    private final List<String> reportedNames;

    /**
     * @param startValues   every setting's value at session start, by any-case name
     * @param reportedNames the settings reported with ParameterStatus, in order
     */
    SessionSettings(Map<String, String> startValues, List<String> reportedNames) {
        for (SettingDefaults.Default known : SettingDefaults.all()) {
            store(known.name(), known.value());
        }
        startValues.forEach(this::store);
        initial.putAll(current);
        this.reportedNames = reportedNames;
    }

    private void store(String name, String value) {
        String key = key(name);
        canonicalNames.putIfAbsent(key, canonicalName(name));
        current.put(key, value);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** PostgreSQL's spelling of a setting name ("timezone" → "TimeZone"). */
    static String canonicalName(String name) {
        SettingDefaults.Default known = SettingDefaults.find(name);
        return known != null ? known.name() : name.toLowerCase(Locale.ROOT);
    }

    /** The name as SHOW labels its column, or null when the setting is unknown. */
    String displayName(String name) {
        return get(name) == null ? null : canonicalNames.getOrDefault(key(name), canonicalName(name));
    }

    /** The effective value, or null for an unknown setting. */
    String get(String name) {
        String key = key(name);
        String localValue = local.get(key);
        if (localValue != null) {
            return localValue;
        }
        if (TRANSACTION_SETTINGS.contains(key)) {
            return get("default_" + key);
        }
        return current.get(key);
    }

    /** Sets a value for the session, or (local) until the transaction ends. */
    List<ParameterChange> set(String name, String value, boolean transactionScoped) {
        Map<String, String> before = reportedValues();
        String key = key(name);
        canonicalNames.putIfAbsent(key, canonicalName(name));
        String normalized = SettingValues.normalize(canonicalName(name), value, get(name));
        if (transactionScoped || TRANSACTION_SETTINGS.contains(key)) {
            local.put(key, normalized);
        } else {
            current.put(key, normalized);
        }
        return changesSince(before);
    }

    /** Back to the value at session start (RESET x, SET x TO DEFAULT). */
    List<ParameterChange> reset(String name) {
        Map<String, String> before = reportedValues();
        String key = key(name);
        local.remove(key);
        String start = initial.get(key);
        if (start == null) {
            current.remove(key);
        } else {
            current.put(key, start);
        }
        return changesSince(before);
    }

    /** RESET ALL: every setting back to its value at session start. */
    List<ParameterChange> resetAll() {
        Map<String, String> before = reportedValues();
        local.clear();
        current.clear();
        current.putAll(initial);
        return changesSince(before);
    }

    /** The transaction ended: transaction-scoped values are gone. */
    List<ParameterChange> endTransaction() {
        if (local.isEmpty()) {
            return List.of();
        }
        Map<String, String> before = reportedValues();
        local.clear();
        return changesSince(before);
    }

    /** The reported settings and their current values, in reporting order. */
    Map<String, String> reportedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : reportedNames) {
            values.put(name, get(name));
        }
        return values;
    }

    private List<ParameterChange> changesSince(Map<String, String> before) {
        List<ParameterChange> changes = new ArrayList<>();
        reportedValues().forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                changes.add(new ParameterChange(name, value));
            }
        });
        return changes;
    }

    /** Every known setting as (name, setting, description), sorted by name as SHOW ALL does. */
    List<Object[]> showAll() {
        Map<String, Object[]> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String key : current.keySet()) {
            SettingDefaults.Default known = SettingDefaults.find(key);
            String name = canonicalNames.getOrDefault(key, key);
            rows.put(name, new Object[] {name, get(key), known == null ? null : known.description()});
        }
        return new ArrayList<>(rows.values());
    }
}
