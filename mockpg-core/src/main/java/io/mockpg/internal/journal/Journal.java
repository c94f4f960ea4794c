package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Every statement the server received, in arrival order, up to a limit: beyond it the oldest
 * records are dropped and counted, so memory stays bounded at any uptime (docs/ci.md). A ring
 * of records whose sequence numbers are consecutive, so a page after a sequence number is found
 * by arithmetic. Thread-safe; reads are snapshots.
 */
public final class Journal {
    /** Default of {@code --journal-limit}. */
    public static final int DEFAULT_LIMIT = 100_000;
    private static final int INITIAL_CAPACITY = 1024;

    private final int limit;
    private JournalRecord[] ring = new JournalRecord[INITIAL_CAPACITY];
    private int head;
    private int size;
    private long nextSequence = 1;
    private long dropped;

    public Journal() {
        this(DEFAULT_LIMIT);
    }

    /** @param limit how many records are kept; older ones are dropped */
    public Journal(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("journal limit must be at least 1, found " + limit);
        }
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public synchronized void append(JournalRecord record) {
        record.sequence(nextSequence++);
        if (size == limit) {
            ring[head] = null;
            head = wrap(head + 1);
            size--;
            dropped++;
        } else if (size == ring.length) {
            grow();
        }
        ring[wrap(head + size)] = record;
        size++;
    }

    /** The sequence number of the newest record (0 before the first). */
    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    /** How many records were dropped (the oldest first) since the last clear. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Every entry, in arrival order. */
    public List<JournalEntry> entries() {
        return entries(records());
    }

    /** The entries no rule or built-in answered. */
    public List<JournalEntry> unmatched() {
        return entries(unmatchedRecords());
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

    /** At most {@code max} records with a sequence number above {@code after}, in order. */
    public synchronized List<JournalRecord> page(long after, int max) {
        long first = nextSequence - size;
        long start = Math.max(0, after + 1 - first);
        List<JournalRecord> page = new ArrayList<>((int) Math.min(max, Math.max(0, size - start)));
        for (long i = start; i < size && page.size() < max; i++) {
            page.add(ring[(int) ((head + i) % ring.length)]);
        }
        return page;
    }

    /** Every record, in arrival order. */
    public synchronized List<JournalRecord> records() {
        List<JournalRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(ring[(head + i) % ring.length]);
        }
        return records;
    }

    /** Empties the journal; sequence numbers keep counting. */
    public synchronized void clear() {
        ring = new JournalRecord[INITIAL_CAPACITY];
        head = 0;
        size = 0;
        dropped = 0;
    }

    /** A position past the end of the ring, from its start: a compare instead of a division per statement. */
    private int wrap(int position) {
        return position >= ring.length ? position - ring.length : position;
    }

    private void grow() {
        JournalRecord[] bigger = new JournalRecord[(int) Math.min(limit, (long) ring.length * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }

    private static List<JournalEntry> entries(List<JournalRecord> records) {
        List<JournalEntry> entries = new ArrayList<>(records.size());
        for (JournalRecord record : records) {
            entries.add(record.entry());
        }
        return List.copyOf(entries);
    }
}
