package io.mockpg.internal.engine;

/**
 * A templated row value that does not fit its column's type, found while rows are being
 * produced. Thrown by a {@link RowSource}; the protocol layer answers it
 * with {@link #fields()} (SQLSTATE 22P02) as it would any error after some DataRows.
 */
public final class RowValueException extends IllegalArgumentException {
    private final transient ErrorFields fields;

    public RowValueException(ErrorFields fields) {
        super(fields.message());
        this.fields = fields;
    }

    public ErrorFields fields() {
        return fields;
    }
}
