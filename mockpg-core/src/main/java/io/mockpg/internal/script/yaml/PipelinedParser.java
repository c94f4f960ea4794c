package io.mockpg.internal.script.yaml;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's parser run on a thread of its own, its events handed over in batches, so that
 * scanning a large document overlaps composing it into nodes (a recorded script of thousands
 * of rules). The events, and any exception the parser throws, arrive in the order the parser
 * produced them: the composer sees exactly what it would see from the parser itself.
 */
final class PipelinedParser implements Parser, AutoCloseable {
    private static final int BATCH = 1024;

    private final BlockingQueue<Object> handedOver = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private Event[] batch = new Event[0];
    private int size;
    private int next;

    private PipelinedParser() {
    }

    /** Starts parsing the reader's text on a daemon thread. */
    static PipelinedParser start(StreamReader reader, LoaderOptions options) {
        PipelinedParser pipeline = new PipelinedParser();
        Thread thread = new Thread(() -> pipeline.produce(new ParserImpl(reader, options)),
                "mockpg-yaml-parser");
        thread.setDaemon(true);
        thread.start();
        return pipeline;
    }

    private void produce(Parser parser) {
        boolean end = false;
        while (!end && !closed) {
            Event[] events = new Event[BATCH];
            int count = 0;
            try {
                while (count < BATCH && !end) {
                    Event event = parser.getEvent();
                    events[count++] = event;
                    end = event.is(Event.ID.StreamEnd);
                }
            } catch (RuntimeException | Error e) {
                // the events before the failure first, as the parser itself would give them
                handedOver.add(new Batch(events, count));
                handedOver.add(e);
                return;
            }
            handedOver.add(new Batch(events, count));
        }
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        Event event = peekEvent();
        return event != null && event.is(choice);
    }

    @Override
    public Event peekEvent() {
        if (next == size && !receive()) {
            return null;
        }
        return batch[next];
    }

    @Override
    public Event getEvent() {
        Event event = peekEvent();
        if (event != null) {
            next++;
        }
        return event;
    }

    /** Stops the parsing thread early (the composer gave up). */
    @Override
    public void close() {
        closed = true;
    }

    /** The next batch; false after the stream's end; rethrows what the parser threw there. */
    private boolean receive() {
        if (size > 0 && batch[size - 1].is(Event.ID.StreamEnd)) {
            return false;
        }
        Object item;
        try {
            item = handedOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading YAML", e);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        Batch received = (Batch) item;
        batch = received.events();
        size = received.count();
        next = 0;
        // an empty batch precedes a failure at the start of a batch: take the failure
        return size > 0 || receive();
    }

    private record Batch(Event[] events, int count) {
    }
}
