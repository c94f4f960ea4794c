package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.autocommit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.JournalEntry;
import io.mockpg.internal.engine.EngineSession;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void sessionsOnManyThreadsNeverExceedTimesAndJournalEverything() throws Exception {
        ScriptEngine engine = engine("""
                rules:
                  - id: limited
                    match: { sql: SELECT 1 }
                    times: 1000
                  - id: rest
                    match: { sql: SELECT 1 }
                """);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    EngineSession session = session(engine);
                    for (int i = 0; i < 500; i++) {
                        autocommit(session, "SELECT 1");
                        if (i == 250) {
                            engine.addScript(EngineFixture.script("extra", "rules: []"));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        List<JournalEntry> journal = engine.journal();
        assertEquals(4000, journal.size());
        assertEquals(1000, journal.stream().filter(e -> "limited".equals(e.ruleId())).count());
        assertEquals(3000, journal.stream().filter(e -> "rest".equals(e.ruleId())).count());
        assertEquals(List.of(1000L, 3000L), engine.rules().stream().map(RuleInfo::answered).toList());
    }
}
