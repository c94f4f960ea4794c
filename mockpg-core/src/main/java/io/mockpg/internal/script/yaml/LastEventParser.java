package io.mockpg.internal.script.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that remembers where the last event it handed out starts: SnakeYAML's composer
 * throws some errors (a tag it cannot accept) without a position, and a script's problems
 * always name one.
 */
final class LastEventParser implements Parser {
    private final Parser parser;
    private Mark lastStart;

    LastEventParser(Parser parser) {
        this.parser = parser;
    }

    /** Where the last event taken starts, or null before the first. */
    Mark lastStart() {
        return lastStart;
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
        }
        return event;
    }
}
