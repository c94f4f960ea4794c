package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;

import java.util.ArrayList;
import java.util.List;

/** Every statement the server received, in arrival order. Thread-safe; reads are snapshots. */
public final class Journal {
    private final List<JournalRecord> records = new ArrayList<>();

    public void append(JournalRecord record) {
        synchronized (records) {
            records.add(record);
        }
    }

    /** Every entry, in arrival order. */
    public List<JournalEntry> entries() {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalRecord record : records()) {
            entries.add(record.entry());
        }
        return List.copyOf(entries);
    }

    /** The entries no rule or built-in answered. */
    public List<JournalEntry> unmatched() {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalRecord record : unmatchedRecords()) {
            entries.add(record.entry());
        }
        return List.copyOf(entries);
    }

    /** The unmatched records, with their near-miss reports. */
    public List<JournalRecord> unmatchedRecords() {
        List<JournalRecord> unmatched = new ArrayList<>();
        for (JournalRecord record : records()) {
            if (record.unmatched()) {
                unmatched.add(record);
            }
        }
        return unmatched;
    }

    public void clear() {
        synchronized (records) {
            records.clear();
        }
    }

    private List<JournalRecord> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }
}
