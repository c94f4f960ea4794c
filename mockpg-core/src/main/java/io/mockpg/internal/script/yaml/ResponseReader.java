package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Response.Column;
import io.mockpg.internal.script.Response.ErrorSpec;
import io.mockpg.internal.script.Response.FaultSpec;
import io.mockpg.internal.script.Response.NoticeSpec;
import io.mockpg.internal.script.Response.NotifySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a rule's {@code respond}: one response or a list of them (docs/script-reference.md, "respond"). */
final class ResponseReader {
    static final List<String> KEYS = List.of("columns", "rows", "repeat", "tag", "affected", "error", "notices",
            "delay", "fault", "notify", "copy");

    private final Problems problems;
    private final ColumnsAndRows table;
    private final MessageReader messages;
    private final DelayAndFault timing;

    ResponseReader(Problems problems, RowValues values) {
        this.problems = problems;
        this.table = new ColumnsAndRows(problems, values);
        this.messages = new MessageReader(problems);
        this.timing = new DelayAndFault(problems);
    }

    /** The responses of a respond value; an absent respond is one empty command response. */
    List<Response> read(Node node) {
        if (node == null) {
            return List.of(Response.empty());
        }
        if (!(node instanceof SequenceNode sequence)) {
            Response response = response(node);
            return response == null ? List.of(Response.empty()) : List.of(response);
        }
        if (sequence.getValue().isEmpty()) {
            problems.add(node, "'respond' must be a mapping or a non-empty list of mappings, found an empty list");
            return List.of(Response.empty());
        }
        List<Response> responses = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Response response = response(item);
            if (response != null) {
                responses.add(response);
            }
        }
        return responses.isEmpty() ? List.of(Response.empty()) : responses;
    }

    private Response response(Node node) {
        YamlMap respond = YamlMap.read(node, "respond", KEYS, problems);
        if (respond == null) {
            return null;
        }
        reportConflicts(respond);
        ColumnsAndRows.Columns columns = respond.has("columns") ? table.columns(respond.value("columns")) : null;
        List<List<Object>> rows = List.of();
        if (respond.has("rows")) {
            if (!respond.has("columns")) {
                problems.add(respond.keyMark("rows"), "'rows' requires 'columns'");
            } else if (columns != null) {
                rows = table.rows(respond.value("rows"), columns);
            }
        }
        Long repeat = respond.has("repeat") ? Scalars.nonNegativeLong(respond.value("repeat"), "repeat", problems) : null;
        String tag = respond.has("tag") ? Scalars.text(respond.value("tag"), "tag", problems) : null;
        Long affected = respond.has("affected")
                ? Scalars.nonNegativeLong(respond.value("affected"), "affected", problems) : null;
        ErrorSpec error = respond.has("error") ? messages.error(respond.value("error")) : null;
        List<NoticeSpec> notices = respond.has("notices") ? messages.notices(respond.value("notices")) : List.of();
        Duration delay = respond.has("delay") ? timing.delay(respond.value("delay")) : null;
        FaultSpec fault = respond.has("fault") ? timing.fault(respond.value("fault")) : null;
        List<NotifySpec> notify = respond.has("notify") ? messages.notifications(respond.value("notify")) : List.of();
        Boolean copy = respond.has("copy") ? Scalars.bool(respond.value("copy"), "copy", problems) : null;
        List<Column> columnList = columns == null ? null : columns.columns();
        return new Response(columnList, rows == null ? List.of() : rows, repeat == null ? 1 : repeat, tag, affected,
                error, notices, delay, fault, notify, Boolean.TRUE.equals(copy));
    }

    /** An error answer has no result set: reported at whichever key comes later. */
    private void reportConflicts(YamlMap respond) {
        if (!respond.has("error")) {
            return;
        }
        for (String key : List.of("columns", "rows")) {
            if (respond.has(key)) {
                String later = respond.later("error", key);
                problems.add(respond.keyMark(later), "'error' cannot be combined with '" + key + "' in one response");
            }
        }
    }
}
