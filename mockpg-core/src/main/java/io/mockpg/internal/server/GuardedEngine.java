package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.logging.LogText;
import io.mockpg.internal.types.PgTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/** The session's engine as the protocol layer calls it: an engine failure costs one statement, not the session. */
final class GuardedEngine {
    private static final Logger log = LoggerFactory.getLogger(GuardedEngine.class);
    static final int[] NO_OIDS = new int[0];

    private final EngineSession engine;

    GuardedEngine(EngineSession engine) {
        this.engine = engine;
    }

    EngineSession session() {
        return engine;
    }

    Answer answer(String sql, List<String> params, int[] paramOids, boolean extended) {
        try {
            return engine.answer(new StatementRequest(sql, params, paramOids, extended,
                    engine.transaction().status()));
        } catch (RuntimeException e) {
            log.error("internal error answering {}", LogText.escape(sql), e);
            return Answer.of(new Result.Error(ErrorFields.error("XX000", "mockpg internal error: " + e)));
        }
    }

    boolean answerable(String sql) {
        try {
            return engine.answerable(sql);
        } catch (RuntimeException e) {
            log.error("internal error describing {}", LogText.escape(sql), e);
            return true;
        }
    }

    ErrorFields parseError(String sql) {
        try {
            return engine.parseError(sql);
        } catch (RuntimeException e) {
            log.error("internal error parsing {}", LogText.escape(sql), e);
            return null;
        }
    }

    ErrorFields bindError(String sql, List<String> params) {
        try {
            return engine.bindError(sql, params);
        } catch (RuntimeException e) {
            log.error("internal error binding {}", LogText.escape(sql), e);
            return null;
        }
    }

    Description describe(String sql, int[] clientOids) {
        try {
            return engine.describe(sql, clientOids);
        } catch (RuntimeException e) {
            log.error("internal error describing {}", LogText.escape(sql), e);
            int[] oids = new int[clientOids.length];
            Arrays.fill(oids, PgTypes.TEXT.oid());
            return new Description(oids, null);
        }
    }
}
