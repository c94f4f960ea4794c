package io.mockpg.internal.script.yaml;

/**
 * One thing wrong with a script, at a place in its YAML text.
 *
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong, for a person to read
 */
public record Problem(int line, int column, String message) implements Comparable<Problem> {

    /** {@code LINE:COLUMN: message}, the form the admin API reports. */
    public String format() {
        return line + ":" + column + ": " + message;
    }

    /** {@code SOURCE:LINE:COLUMN: message}, the form the CLI and exceptions report. */
    public String format(String source) {
        return source + ":" + format();
    }

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
