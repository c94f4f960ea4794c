package io.mockpg.internal.server;

import java.util.List;

/**
 * A bound statement: its parameters and result formats, and, once described or executed,
 * the answer being streamed (a row limit leaves it suspended for the next Execute).
 */
final class Portal {
    final PreparedStatement statement;
    final List<String> params;
    final int[] paramOids;
    final short[] resultFormats;
    AnswerWriter writer;
    boolean completed;

    Portal(PreparedStatement statement, List<String> params, int[] paramOids, short[] resultFormats) {
        this.statement = statement;
        this.params = params;
        this.paramOids = paramOids;
        this.resultFormats = resultFormats;
    }
}
