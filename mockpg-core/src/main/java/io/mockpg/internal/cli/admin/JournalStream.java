package io.mockpg.internal.cli.admin;

import io.mockpg.JournalEntry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * The body of {@code GET /journal}: a JSON array written a page of entries at a time, each page
 * read from the journal only when the connection can take it ({@code ChunkedWriteHandler} pulls
 * the next chunk once the previous one is written), so a journal of any size answers with the
 * memory of one page. Ends at the newest entry when the request arrived.
 */
final class JournalStream implements ChunkedInput<ByteBuf> {
    /** Entries read from the journal per chunk. */
    static final int PAGE = 1000;

    private final AdminBackend backend;
    private final AdminJson json;
    private final Predicate<JournalEntry> filter;
    private final long last;
    private final long dropped;
    private long after;
    private long remaining;
    private boolean opened;
    private boolean closed;
    private boolean first = true;
    private long written;

    /**
     * @param after   only entries with a higher sequence number
     * @param limit   at most this many entries
     * @param last    the sequence number of the newest entry to send
     * @param dropped how many entries the journal had dropped, for the response header
     */
    JournalStream(AdminBackend backend, AdminJson json, Predicate<JournalEntry> filter, long after, long limit, long last,
                  long dropped) {
        this.backend = backend;
        this.json = json;
        this.filter = filter;
        this.after = after;
        this.remaining = limit;
        this.last = last;
        this.dropped = dropped;
    }

    long dropped() {
        return dropped;
    }

    @Override
    public boolean isEndOfInput() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (closed) {
            return null;
        }
        ByteBuf chunk = allocator.buffer();
        boolean done = false;
        try {
            if (!opened) {
                opened = true;
                chunk.writeByte('[');
            }
            // skip pages the filter empties, so each chunk carries entries or the end
            while (chunk.readableBytes() <= 1 && !done) {
                List<JournalEntry> page = after >= last || remaining == 0 ? List.of()
                        : backend.journalPage(after, PAGE);
                if (page.isEmpty()) {
                    done = true;
                }
                for (JournalEntry entry : page) {
                    if (entry.sequence() > last || remaining == 0) {
                        done = true;
                        break;
                    }
                    after = entry.sequence();
                    if (!filter.test(entry)) {
                        continue;
                    }
                    if (!first) {
                        chunk.writeByte(',');
                    }
                    first = false;
                    chunk.writeBytes(json.entryJson(entry));
                    remaining--;
                    written++;
                }
            }
            if (done) {
                chunk.writeCharSequence("]", StandardCharsets.US_ASCII);
                closed = true;
            }
            return chunk;
        } catch (RuntimeException e) {
            chunk.release();
            throw e;
        }
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return written;
    }
}
