package io.mockpg.internal.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SavepointLogTest {
    @Test
    void rollbackToSavepointReturnsLaterItemsNewestFirstAndKeepsTheSavepoint() {
        SavepointLog<String> log = new SavepointLog<>();
        log.add("a");
        log.savepoint("s1");
        log.add("b");
        log.savepoint("s2");
        log.add("c");
        assertEquals(List.of("c", "b"), log.rollbackTo("s1"));
        log.add("d");
        assertEquals(List.of(), log.rollbackTo("s2"));
        assertEquals(List.of("d"), log.rollbackTo("s1"));
        assertEquals(List.of("a"), log.end());
        assertEquals(List.of(), log.end());
    }

    @Test
    void releaseForgetsSavepointButKeepsItems() {
        SavepointLog<String> log = new SavepointLog<>();
        log.savepoint("s");
        log.add("x");
        log.release("s");
        assertEquals(List.of(), log.rollbackTo("s"));
        assertEquals(List.of("x"), log.end());
    }
}
