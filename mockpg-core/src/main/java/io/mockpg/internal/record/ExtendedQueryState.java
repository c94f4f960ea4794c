package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol's named objects of one recorded session (PostgreSQL
 * documentation, "Extended Query"): the prepared statements with what Describe told of them,
 * the bound portals with the answer gathered across their Executes, and the portals left
 * suspended at a row limit. Kept as the client creates and closes them, not as the server
 * confirms: a pipelined Bind names its statement before ParseComplete comes back.
 */
final class ExtendedQueryState {
    /** A prepared statement: its text and parameter types (from Parse, completed by Describe). */
    static final class Statement {
        final String sql;
        int[] paramOids;
        /** The server reported paramOids in a ParameterDescription: a replay reports them too. */
        boolean described;
        List<BackendMessage.Field> fields;
        /** Worked out at its first answer, for every later execution. */
        StatementTemplate template;
        /** Counts what Describe changed of it: a repeated round ({@link RoundTrace}) relies on it unchanged. */
        int version;
        /** Whether its name still names it (not closed, not parsed again). */
        boolean current = true;

        private Statement(String sql, int[] paramOids) {
            this.sql = sql;
            this.paramOids = paramOids;
        }

        /** A Describe's ParameterDescription. */
        void parameterTypes(int[] typeOids) {
            paramOids = typeOids;
            described = true;
            version++;
        }

        /** A Describe's RowDescription, or NoData (null fields). */
        void resultColumns(List<BackendMessage.Field> fields) {
            this.fields = fields;
            version++;
        }
    }

    /** A bound portal and the answer being gathered for it across Executes. */
    static final class Portal {
        final Statement statement;
        /** The bound values as text. */
        final List<String> params;
        private final short[] resultFormats;
        private List<BackendMessage.Field> fields;
        private AnswerInProgress answer;

        private Portal(Statement statement, List<String> params, short[] resultFormats) {
            this.statement = statement;
            this.params = params;
            this.resultFormats = resultFormats;
        }

        /** A Describe's RowDescription, or NoData (null fields). */
        void resultColumns(List<BackendMessage.Field> fields) {
            this.fields = fields;
            // a driver that described one portal of a statement (pgjdbc) executes the next ones without a Describe
            if (statement.fields == null) {
                statement.resultColumns(fields);
            }
        }

        /** The answer so far, begun at the first Execute with the columns a Describe of it, else of its statement, told. */
        AnswerInProgress answer() {
            if (answer == null) {
                answer = new AnswerInProgress(fields != null ? fields : statement.fields, resultFormats);
            }
            return answer;
        }

        /** The answer was recorded or came to nothing: the next Execute begins another. */
        void endAnswer() {
            answer = null;
        }
    }

    private final Map<String, Statement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    /**
     * Portals whose last Execute stopped at its row limit (PortalSuspended) and were not resumed
     * yet: asyncpg's fetchval and fetchrow ask for one row and never finish the portal.
     */
    private final List<Portal> suspended = new ArrayList<>();
    /** The round being traced to be kept, or null. */
    private RoundTrace trace;

    /** Tells {@code trace} (or null: nobody) which statements the client uses and makes. */
    void trace(RoundTrace trace) {
        this.trace = trace;
    }

    /** A Parse: the statement replaces any of the same name. */
    Statement parsed(String name, String sql, int[] paramOids) {
        Statement statement = new Statement(sql, paramOids);
        takeName(name, statement);
        if (trace != null) {
            trace.parsed(name, statement);
        }
        return statement;
    }

    /** The statement of this name, or null. */
    Statement statement(String name) {
        Statement statement = statements.get(name);
        if (trace != null) {
            trace.used(statement);
        }
        return statement;
    }

    /** A repeated round's Parse, which made this statement when the round came first. */
    void reinstate(String name, Statement statement) {
        takeName(name, statement);
    }

    private void takeName(String name, Statement statement) {
        retire(statements.put(name, statement));
        statement.current = true;
    }

    /** The statement (or null) no longer has its name. */
    private static void retire(Statement statement) {
        if (statement != null) {
            statement.current = false;
        }
    }

    /** A Parse the server refused: its statement does not exist. */
    void parseFailed(String name) {
        retire(statements.remove(name));
        if (trace != null) {
            trace.spoil();
        }
    }

    /** A Bind: the portal replaces any of the same name. */
    Portal bound(String name, Statement statement, List<String> params, short[] resultFormats) {
        Portal portal = new Portal(statement, params, resultFormats);
        portals.put(name, portal);
        if (trace != null) {
            trace.bound(portal);
        }
        return portal;
    }

    /** The portal of this name, or null. */
    Portal portal(String name) {
        Portal portal = portals.get(name);
        if (trace != null) {
            trace.usedPortal(portal);
        }
        return portal;
    }

    /** A Close of a statement ('S') or a portal. */
    void closed(char kind, String name) {
        if (kind == 'S') {
            retire(statements.remove(name));
            if (trace != null) {
                trace.spoil();
            }
        } else {
            portals.remove(name);
        }
    }

    /** A PortalSuspended: the portal's next Execute goes on with the same answer. */
    void suspended(Portal portal) {
        if (!suspended.contains(portal)) {
            suspended.add(portal);
        }
    }

    /** The portal's answer ended (CommandComplete or ErrorResponse) and was recorded. */
    void finished(Portal portal) {
        portal.endAnswer();
        suspended.remove(portal);
    }

    /**
     * Out of a transaction no portal survives: a suspended one's rows are all its statement
     * answered, recorded without a tag (a replay derives it from the verb).
     */
    void transactionEnded(AnswerRecorder recorder) {
        for (Portal portal : suspended) {
            if (portal.answer != null) {
                recorder.record(portal, null, null);
                portal.endAnswer();
            }
        }
        suspended.clear();
    }
}
