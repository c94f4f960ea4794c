package io.mockpg.internal.script.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one script so that all of them are reported together. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(Mark mark, String message) {
        if (mark == null) {
            addAtStart(message);
        } else {
            found.add(new Problem(mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    void add(Node node, String message) {
        add(node == null ? null : node.getStartMark(), message);
    }

    /** For problems without a place in the text, such as a limit hit. */
    void addAtStart(String message) {
        found.add(new Problem(1, 1, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in file order (stable for problems at the same place). */
    List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        Collections.sort(copy);
        return copy;
    }
}
