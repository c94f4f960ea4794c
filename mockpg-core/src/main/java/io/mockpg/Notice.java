package io.mockpg;

/**
 * A NoticeResponse sent before a stubbed answer (a script's {@code notices} entry,
 * docs/script-reference.md). Made by {@link MockPgDsl#notice(String)}; immutable, each method
 * returns a changed copy.
 */
public final class Notice {
    final String severity;
    final String code;
    final String message;
    final String detail;
    final String hint;
    final String where;
    final String file;
    final Integer line;
    final String routine;

    private Notice(String severity, String code, String message, String detail, String hint, String where,
                   String file, Integer line, String routine) {
        this.severity = severity;
        this.code = code;
        this.message = message;
        this.detail = detail;
        this.hint = hint;
        this.where = where;
        this.file = file;
        this.line = line;
        this.routine = routine;
    }

    static Notice of(String message) {
        return new Notice(null, null, message, null, null, null, null, null, null);
    }

    /** WARNING, NOTICE (the default), INFO, LOG or DEBUG1..DEBUG5. */
    public Notice severity(String severity) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    /** The SQLSTATE, e.g. {@code 01000}. */
    public Notice code(String code) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    public Notice detail(String detail) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    public Notice hint(String hint) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    /** The Where field: the context, e.g. {@code PL/pgSQL function f() line 3 at RAISE}. */
    public Notice where(String where) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    /** The File field: the server source file ({@code psql}'s LOCATION). */
    public Notice file(String file) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    /** The Line field: the line in {@link #file}. */
    public Notice line(int line) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }

    /** The Routine field: the server source routine. */
    public Notice routine(String routine) {
        return new Notice(severity, code, message, detail, hint, where, file, line, routine);
    }
}
