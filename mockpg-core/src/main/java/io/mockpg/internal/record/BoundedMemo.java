package io.mockpg.internal.record;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What the recorder worked out once per key, shared by the sessions of every event loop.
 * Bounded, since the recorder's heap holds distinct answers and little else: past its entries
 * or the total size of its keys it starts over (it only saves work), and a key over its size
 * limit is not kept.
 */
final class BoundedMemo<K, V> {
    private final int maxEntries;
    private final int maxKeySize;
    private final long maxTotalSize;
    private final ToIntFunction<K> sizeOf;
    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final AtomicLong totalSize = new AtomicLong();

    /** Bounded by its number of entries only. */
    BoundedMemo(int maxEntries) {
        this(maxEntries, Integer.MAX_VALUE, Long.MAX_VALUE, key -> 0);
    }

    BoundedMemo(int maxEntries, int maxKeySize, long maxTotalSize, ToIntFunction<K> sizeOf) {
        this.maxEntries = maxEntries;
        this.maxKeySize = maxKeySize;
        this.maxTotalSize = maxTotalSize;
        this.sizeOf = sizeOf;
    }

    V get(K key, Function<K, V> compute) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V computed = compute.apply(key);
        int size = sizeOf.applyAsInt(key);
        if (size <= maxKeySize) {
            if (values.size() >= maxEntries || totalSize.addAndGet(size) > maxTotalSize) {
                values.clear();
                totalSize.set(size);
            }
            values.put(key, computed);
        }
        return computed;
    }

    /** The total size of the keys kept now. */
    long totalSize() {
        return totalSize.get();
    }
}
