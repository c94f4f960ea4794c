package io.mockpg.internal.script.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that remembers where the last event it handed out starts: SnakeYAML's composer
 * throws some errors (a tag it cannot accept) without a position, and a script's problems
 * always name one. It also notes whether the document used an alias: without one the
 * composed nodes are a tree, which {@link NodeTree} checks more cheaply.
 */
final class LastEventParser implements Parser {
    private final Parser parser;
    private Mark lastStart;
    private boolean aliased;

    LastEventParser(Parser parser) {
        this.parser = parser;
    }

    /** Where the last event taken starts, or null before the first. */
    Mark lastStart() {
        return lastStart;
    }

    /** Whether an alias was taken: only then can a value stand for a larger one, or contain itself. */
    boolean aliased() {
        return aliased;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event != null) {
            lastStart = event.getStartMark();
            aliased |= event instanceof AliasEvent;
        }
        return event;
    }
}
