package io.mockpg.internal.script.yaml;

import java.util.List;

/**
 * A script that could not be loaded, with every problem found in it (not only the first),
 * in file order.
 */
public class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problemList;

    /**
     * @param source   the script's name as the user gave it (path, {@code classpath:} name, ...)
     * @param problems at least one problem
     */
    public ScriptException(String source, List<Problem> problems) {
        super(join(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a script exception needs at least one problem");
        }
        this.source = source;
        this.problemList = List.copyOf(problems);
    }

    /** The script's name as the user gave it. */
    public String source() {
        return source;
    }

    /** Each problem as {@code SOURCE:LINE:COLUMN: message}. */
    public List<String> problems() {
        return problemList.stream().map(p -> p.format(source)).toList();
    }

    /** Each problem as {@code LINE:COLUMN: message}, for callers that name the source themselves. */
    public List<String> problemsWithoutSource() {
        return problemList.stream().map(Problem::format).toList();
    }

    /** The problems as values. */
    public List<Problem> problemDetails() {
        return problemList;
    }

    private static String join(String source, List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(problem.format(source));
        }
        return text.toString();
    }
}
