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

    private Notice(String severity, String code, String message, String detail, String hint) {
        this.severity = severity;
        this.code = code;
        this.message = message;
        this.detail = detail;
        this.hint = hint;
    }

    static Notice of(String message) {
        return new Notice(null, null, message, null, null);
    }

    /** WARNING, NOTICE (the default), INFO, LOG or DEBUG1..DEBUG5. */
    public Notice severity(String severity) {
        return new Notice(severity, code, message, detail, hint);
    }

    /** The SQLSTATE, e.g. {@code 01000}. */
    public Notice code(String code) {
        return new Notice(severity, code, message, detail, hint);
    }

    public Notice detail(String detail) {
        return new Notice(severity, code, message, detail, hint);
    }

    public Notice hint(String hint) {
        return new Notice(severity, code, message, detail, hint);
    }
}
