package io.mockpg.internal.script.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes the plain subset of YAML that recorded scripts are written in straight into
 * SnakeYAML's nodes, several times faster than SnakeYAML's scanner, parser and composer: a
 * 10,000-rule recording is most of a server's start otherwise (docs/performance.md). The subset:
 * block mappings and lists, flow lists and mappings on one line, plain and quoted scalars on one
 * line, comments. Anything else (anchors, tags, block or multi-line scalars, tabs, document
 * markers, an empty list item...) declines, and the caller composes the text with SnakeYAML, so
 * that a script means the same and its problems point to the same place either way: for any text
 * this accepts, the nodes equal SnakeYAML's in kind, tag, value and start position
 * (YamlSubsetTest, and the script loader's fuzz target on every input).
 */
final class YamlSubset {
    private static final int[] NO_SNIPPET = new int[0];
    /** Deeper documents decline: SnakeYAML then applies the nesting limit with its own message. */
    private static final int MAX_DEPTH = 50;
    /** Within SnakeYAML's 1,024-character limit on a simple key; longer keys decline. */
    private static final int MAX_KEY_LENGTH = 1000;
    private static final Declined DECLINED = new Declined();

    private final String text;
    private final boolean surrogates;
    private int pos;
    private int line;
    private int lineStart;
    /** The column of the content at pos once a line has been looked ahead to; -1 at the end. */
    private int indent;
    private int depth;

    private YamlSubset(String text, boolean surrogates) {
        this.text = text;
        this.surrogates = surrogates;
    }

    /** The document's root node, or null when the text is outside the subset. */
    static Node compose(String text) {
        int characters = characterCheck(text);
        if (characters < 0) {
            return null;
        }
        YamlSubset reader = new YamlSubset(text, characters > 0);
        try {
            return reader.document();
        } catch (Declined e) {
            return null;
        }
    }

    /** Thrown to decline; without a stack trace, since it is control flow. */
    private static final class Declined extends RuntimeException {
        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * -1 when a character is outside what the subset reads the way SnakeYAML does (tabs, carriage
     * returns, YAML 1.1's other line breaks, a byte order mark, what SnakeYAML refuses as not
     * printable, an unpaired surrogate); otherwise 1 when there are surrogate pairs, else 0.
     */
    private static int characterCheck(String text) {
        int result = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7e || c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return -1;
                }
                i++;
                result = 1;
            } else if (c < 0xa0 || Character.isLowSurrogate(c) || c == 0x2028 || c == 0x2029 || c == 0xfeff
                    || c > 0xfffd) {
                return -1;
            }
        }
        return result;
    }

    private Node document() {
        nextLine();
        if (indent != 0) {
            throw DECLINED; // empty, or a root that does not start at the margin
        }
        Node root = blockNode(0);
        if (indent >= 0) {
            throw DECLINED;
        }
        return root;
    }

    /** A block list or mapping whose first line's content starts at pos, in column col. */
    private Node blockNode(int col) {
        if (++depth > MAX_DEPTH) {
            throw DECLINED;
        }
        Node node;
        if (isItemStart()) {
            node = blockSequence(col, false);
        } else if (isKeyStart()) {
            node = blockMapping(col);
        } else {
            throw DECLINED; // a scalar on a line of its own
        }
        depth--;
        return node;
    }

    private Node blockSequence(int col, boolean indentless) {
        Mark start = mark(pos);
        List<Node> items = new ArrayList<>();
        while (true) {
            pos++; // the '-'
            if (pos >= text.length() || text.charAt(pos) != ' ') {
                throw DECLINED; // an item on the lines below, or none
            }
            skipSpaces();
            int itemCol = column(pos);
            char c = charAt(pos);
            if (c == '#' || c == '\n' || c == 0 || isItemStart()) {
                throw DECLINED;
            }
            if (isKeyStart()) {
                if (++depth > MAX_DEPTH) {
                    throw DECLINED;
                }
                items.add(blockMapping(itemCol));
                depth--;
            } else {
                items.add(inlineValue());
                endOfLine();
                nextLine();
                if (indent > col) {
                    throw DECLINED; // a continued scalar, or an error
                }
            }
            if (indent == col && isItemStart()) {
                continue;
            }
            if (indent < col || indent == col && indentless) {
                break;
            }
            throw DECLINED;
        }
        return new SequenceNode(Tag.SEQ, true, items, start, start, FlowStyle.BLOCK);
    }

    private Node blockMapping(int col) {
        Mark start = mark(pos);
        List<NodeTuple> tuples = new ArrayList<>();
        while (true) {
            ScalarNode key = key();
            Mark afterColon = mark(pos);
            tuples.add(new NodeTuple(key, mappingValue(col, afterColon)));
            if (indent == col && !isItemStart()) {
                if (!isKeyStart()) {
                    throw DECLINED;
                }
                continue;
            }
            if (indent < col) {
                break;
            }
            throw DECLINED;
        }
        return new MappingNode(Tag.MAP, true, tuples, start, start, FlowStyle.BLOCK);
    }

    /** A key (pos at its start) and its ':', pos left after the ':'. */
    private ScalarNode key() {
        int start = pos;
        ScalarNode key;
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            key = quoted();
        } else {
            int end = plainKeyEnd(pos);
            key = plain(start, trimEnd(start, end));
            pos = end;
        }
        skipSpaces();
        if (pos - start > MAX_KEY_LENGTH || charAt(pos) != ':') {
            throw DECLINED;
        }
        pos++;
        return key;
    }

    /** The value after "key:", pos after the ':'; returns with the next line looked ahead to. */
    private Node mappingValue(int col, Mark afterColon) {
        skipSpaces();
        char c = charAt(pos);
        if (c == '\n' || c == 0 || c == '#') {
            endOfLine();
            nextLine();
            if (indent > col) {
                return blockNode(indent);
            }
            if (indent == col && isItemStart()) {
                return blockSequence(col, true);
            }
            return new ScalarNode(PlainTags.of(""), true, "", afterColon, afterColon, ScalarStyle.PLAIN);
        }
        Node value = inlineValue();
        endOfLine();
        nextLine();
        if (indent > col) {
            throw DECLINED; // a continued scalar, or an error
        }
        return value;
    }

    /** A value that starts and ends on this line, in block context. */
    private Node inlineValue() {
        char c = text.charAt(pos);
        if (c == '[' || c == '{') {
            return flowNode();
        }
        if (c == '"' || c == '\'') {
            return quoted();
        }
        if (!plainCanStart(pos, false)) {
            throw DECLINED;
        }
        int start = pos;
        int end = blockPlainEnd(start);
        if (charAt(end) == ':') {
            throw DECLINED; // a mapping where a value belongs: SnakeYAML reports it
        }
        pos = end;
        return plain(start, trimEnd(start, end));
    }

    /** Where a plain key that starts at from ends: at its ": " (or ':' at the end of the line). */
    private int plainKeyEnd(int from) {
        if (!plainCanStart(from, false)) {
            throw DECLINED;
        }
        int end = blockPlainEnd(from);
        if (charAt(end) != ':') {
            throw DECLINED;
        }
        return end;
    }

    /**
     * Where a plain scalar of block context that starts at from stops on its line: at the line's
     * end, at a comment, or at a ':' followed by a blank (a key's end).
     */
    private int blockPlainEnd(int from) {
        for (int i = from; ; i++) {
            char c = charAt(i);
            if (c == '\n' || c == 0 || c == '#' && text.charAt(i - 1) == ' ' || c == ':' && isBlank(charAt(i + 1))) {
                return i;
            }
        }
    }

    /** Whether a block mapping's key starts at pos: a one-line scalar followed by ':' and a blank. */
    private boolean isKeyStart() {
        char c = text.charAt(pos);
        int end;
        if (c == '"' || c == '\'') {
            end = quotedEnd(pos);
        } else if (plainCanStart(pos, false)) {
            return charAt(blockPlainEnd(pos)) == ':';
        } else {
            return false;
        }
        while (charAt(end) == ' ') {
            end++;
        }
        return charAt(end) == ':' && isBlank(charAt(end + 1));
    }

    private boolean isItemStart() {
        return text.charAt(pos) == '-' && isBlank(charAt(pos + 1));
    }

    // ----- flow collections, on one line

    private Node flowNode() {
        if (++depth > MAX_DEPTH) {
            throw DECLINED;
        }
        char c = text.charAt(pos);
        Node node = c == '[' ? flowSequence() : c == '{' ? flowMapping() : null;
        depth--;
        return node;
    }

    private Node flowSequence() {
        Mark start = mark(pos);
        pos++;
        skipSpaces();
        List<Node> items = new ArrayList<>();
        if (charAt(pos) != ']') {
            while (true) {
                items.add(flowValue(true));
                skipSpaces();
                if (!flowNext(']')) {
                    break;
                }
            }
        }
        pos++;
        return new SequenceNode(Tag.SEQ, true, items, start, start, FlowStyle.FLOW);
    }

    private Node flowMapping() {
        Mark start = mark(pos);
        pos++;
        skipSpaces();
        List<NodeTuple> tuples = new ArrayList<>();
        if (charAt(pos) != '}') {
            while (true) {
                char c = charAt(pos);
                int keyStart = pos;
                ScalarNode key = c == '"' || c == '\'' ? quoted() : flowPlain(false);
                skipSpaces();
                if (pos - keyStart > MAX_KEY_LENGTH || charAt(pos) != ':' || charAt(pos + 1) != ' ') {
                    throw DECLINED; // SnakeYAML reads no key that long (fuzzing finding)
                }
                pos++;
                skipSpaces();
                tuples.add(new NodeTuple(key, flowValue(false)));
                skipSpaces();
                if (!flowNext('}')) {
                    break;
                }
            }
        }
        pos++;
        return new MappingNode(Tag.MAP, true, tuples, start, start, FlowStyle.FLOW);
    }

    /** After an entry: true past a ',' with another entry to come, false at the closing bracket. */
    private boolean flowNext(char close) {
        char c = charAt(pos);
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw DECLINED;
        }
        pos++;
        skipSpaces();
        if (charAt(pos) == close) {
            throw DECLINED; // a trailing comma
        }
        return true;
    }

    private Node flowValue(boolean inSequence) {
        char c = charAt(pos);
        if (c == '[' || c == '{') {
            return flowNode();
        }
        if (c == '"' || c == '\'') {
            return quoted();
        }
        ScalarNode value = flowPlain(true);
        if (inSequence && charAt(pos) == ':') {
            throw DECLINED; // a single-pair mapping inside a list
        }
        return value;
    }

    /** A plain scalar in a flow collection: it ends at a flow indicator or a ':' followed by a blank. */
    private ScalarNode flowPlain(boolean value) {
        if (!plainCanStart(pos, true)) {
            throw DECLINED;
        }
        int start = pos;
        int end = start;
        while (true) {
            char c = charAt(end);
            if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                break;
            }
            if (c == ':' && (isBlank(charAt(end + 1)) || ",[]{}".indexOf(charAt(end + 1)) >= 0)) {
                break;
            }
            if (c == '\n' || c == 0 || c == '?' || c == '#' && text.charAt(end - 1) == ' ') {
                throw DECLINED;
            }
            end++;
        }
        pos = end;
        return plain(start, trimEnd(start, end));
    }

    // ----- scalars

    private ScalarNode plain(int start, int end) {
        String value = text.substring(start, end);
        Mark mark = mark(start);
        return new ScalarNode(PlainTags.of(value), true, value, mark, mark, ScalarStyle.PLAIN);
    }

    /** SnakeYAML's rule for what may start a plain scalar; ':' and '?' starts decline. */
    private boolean plainCanStart(int at, boolean flow) {
        char c = charAt(at);
        if (c == '-') {
            char next = charAt(at + 1);
            return !isBlank(next) && !(flow && ",[]{}".indexOf(next) >= 0);
        }
        return !isBlank(c) && "-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0;
    }

    /** A quoted scalar on one line, pos at its opening quote and left after its closing one. */
    private ScalarNode quoted() {
        int start = pos;
        char quote = text.charAt(pos);
        int i = pos + 1;
        char c = charAt(i);
        while (c != quote && c != '\\' && c != '\n' && c != 0) {
            c = charAt(++i);
        }
        if (c == quote && (quote == '"' || charAt(i + 1) != '\'')) {
            // nothing to decode: most quoted values
            pos = i + 1;
            return quotedNode(start, text.substring(start + 1, i), quote);
        }
        StringBuilder value = new StringBuilder().append(text, start + 1, i);
        while (true) {
            c = charAt(i);
            if (c == '\n' || c == 0) {
                throw DECLINED;
            }
            if (c == quote) {
                if (quote == '\'' && charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"') {
                i = Escapes.decode(text, i + 1, value);
                if (i < 0) {
                    throw DECLINED;
                }
                continue;
            }
            value.append(c);
            i++;
        }
        pos = i + 1;
        return quotedNode(start, value.toString(), quote);
    }

    private ScalarNode quotedNode(int start, String value, char quote) {
        Mark mark = mark(start);
        return new ScalarNode(Tag.STR, true, value, mark, mark,
                quote == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED);
    }

    /** Where the quoted scalar that starts at from ends (after its closing quote). */
    private int quotedEnd(int from) {
        char quote = text.charAt(from);
        for (int i = from + 1; ; i++) {
            char c = charAt(i);
            if (c == '\n' || c == 0) {
                throw DECLINED;
            }
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
    }

    // ----- lines and positions

    /** Past this line's trailing spaces and comment; pos is left at its line break or the end. */
    private void endOfLine() {
        skipSpaces();
        char c = charAt(pos);
        if (c == '#') {
            if (text.charAt(pos - 1) != ' ') {
                throw DECLINED;
            }
            while (charAt(pos) != '\n' && pos < text.length()) {
                pos++;
            }
        } else if (c != '\n' && c != 0) {
            throw DECLINED;
        }
    }

    /**
     * From the start of the text or the end of a line (pos at its line break) to the content of
     * the next line that has some, setting indent (-1 at the end of the text).
     */
    private void nextLine() {
        while (true) {
            if (charAt(pos) == '\n') {
                pos++;
                line++;
                lineStart = pos;
            }
            skipSpaces();
            char c = charAt(pos);
            if (c == 0) {
                indent = -1; // the character check leaves no '\0' inside the text
                return;
            }
            if (c == '#') {
                while (charAt(pos) != '\n' && pos < text.length()) {
                    pos++;
                }
            } else if (c != '\n') {
                indent = pos - lineStart;
                if (indent == 0 && (c == '%' || text.startsWith("---", pos) || text.startsWith("...", pos))) {
                    throw DECLINED; // a directive or a document marker
                }
                return;
            }
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** The character at i, or 0 past the end (SnakeYAML's reader also reads '\0' there). */
    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : 0;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == 0;
    }

    private int trimEnd(int start, int end) {
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** SnakeYAML counts columns in code points. */
    private int column(int at) {
        if (!surrogates) {
            return at - lineStart;
        }
        return text.codePointCount(lineStart, at);
    }

    private Mark mark(int at) {
        return new Mark("'reader'", at, line, column(at), NO_SNIPPET, 0);
    }
}
