package io.mockpg.internal.server.channel;

import io.netty.channel.ChannelId;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A channel id from a counter. Netty's default id mixes in the machine's MAC address and the
 * process id, looked up on first use: about 20 ms of a fresh JVM's first server start.
 */
final class SequentialChannelId implements ChannelId {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong NEXT = new AtomicLong();

    private final long value;

    private SequentialChannelId(long value) {
        this.value = value;
    }

    static ChannelId next() {
        return new SequentialChannelId(NEXT.incrementAndGet());
    }

    @Override
    public String asShortText() {
        return Long.toHexString(value);
    }

    @Override
    public String asLongText() {
        return "mockpg-" + asShortText();
    }

    @Override
    public int compareTo(ChannelId other) {
        if (other instanceof SequentialChannelId sequential) {
            return Long.compare(value, sequential.value);
        }
        return asLongText().compareTo(other.asLongText());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SequentialChannelId sequential && sequential.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return asShortText();
    }
}
