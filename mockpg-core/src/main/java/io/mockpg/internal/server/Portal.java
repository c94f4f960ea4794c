package io.mockpg.internal.server;

import io.mockpg.internal.session.PreparedStatement;
import io.mockpg.internal.session.TransactionVerb;

import java.util.List;

/**
 * A bound statement: its parameters and result formats, and, once described or executed,
 * the answer being streamed (a row limit leaves it suspended for the next Execute).
 */
final class Portal {
    final String name;
    final PreparedStatement statement;
    final List<String> params;
    final int[] paramOids;
    final short[] resultFormats;
    final TransactionVerb verb;
    AnswerWriter writer;
    boolean completed;

    Portal(String name, PreparedStatement statement, List<String> params, int[] paramOids, short[] resultFormats,
           TransactionVerb verb) {
        this.name = name;
        this.statement = statement;
        this.params = params;
        this.paramOids = paramOids;
        this.resultFormats = resultFormats;
        this.verb = verb;
    }
}
