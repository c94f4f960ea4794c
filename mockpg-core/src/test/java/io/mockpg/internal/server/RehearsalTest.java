package io.mockpg.internal.server;

import io.mockpg.JournalEntry;
import io.mockpg.internal.respond.ScriptEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-memory rehearsal plays a whole session against its own engine, and never fails its caller. */
class RehearsalTest {

    @Test
    void theRehearsalRunsBothProtocolsThroughItsOwnEngine() {
        ScriptEngine scratch = new ScriptEngine(List.of(), "127.0.0.1", () -> 0);
        Rehearsal.play(() -> scratch);
        List<JournalEntry> journal = scratch.journal();
        assertEquals(List.of("extended SELECT 1 by rehearsal", "simple SELECT 1 by rehearsal"),
                journal.stream().map(e -> e.protocol() + " " + e.sql() + " by " + e.user()).toList());
        assertEquals(List.of(), scratch.unmatched(), "the built-ins answer SELECT 1");
    }

    @Test
    void aFailingRehearsalIsSwallowed() {
        Rehearsal.play(() -> {
            throw new IllegalStateException("no engine");
        });
        ScriptEngine scratch = new ScriptEngine(List.of(), "127.0.0.1", () -> 0);
        Rehearsal.play(() -> scratch);
        assertEquals(2, scratch.journal().size(), "a later rehearsal still runs");
    }
}
