package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Response.ErrorSpec;
import io.mockpg.internal.script.Response.NoticeSpec;
import io.mockpg.internal.script.Response.NotifySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the messages a response sends besides rows: {@code error}, {@code notices}, {@code notify} (docs/script-reference.md, "respond"). */
final class MessageReader {
    static final List<String> ERROR_KEYS = List.of("code", "message", "severity", "detail", "hint", "schema", "table",
            "column", "constraint", "position");
    static final List<String> NOTICE_KEYS = List.of("severity", "code", "message", "detail", "hint");
    static final List<String> NOTIFY_KEYS = List.of("channel", "payload");
    private static final Set<String> ERROR_SEVERITIES = Set.of("ERROR", "FATAL");
    private static final Set<String> NOTICE_SEVERITIES = Set.of("WARNING", "NOTICE", "INFO", "LOG", "DEBUG", "DEBUG1",
            "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5");
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    private final Problems problems;

    MessageReader(Problems problems) {
        this.problems = problems;
    }

    ErrorSpec error(Node node) {
        YamlMap error = YamlMap.read(node, "error", ERROR_KEYS, problems);
        if (error == null) {
            return null;
        }
        Node codeNode = error.required("code", "error", problems);
        String code = codeNode == null ? null : sqlState(codeNode);
        Node messageNode = error.required("message", "error", problems);
        String message = messageNode == null ? null : Scalars.text(messageNode, "message", problems);
        String severity = "ERROR";
        if (error.has("severity")) {
            severity = Scalars.text(error.value("severity"), "severity", problems);
            if (severity != null && !ERROR_SEVERITIES.contains(severity)) {
                problems.add(error.value("severity"), "error severity must be ERROR or FATAL, found "
                        + Scalars.quote(severity));
            }
        }
        Integer position = null;
        if (error.has("position")) {
            position = Scalars.nonNegativeInt(error.value("position"), "position", problems);
            if (position != null && position == 0) {
                problems.add(error.value("position"), "'position' counts characters from 1, found 0");
            }
        }
        return new ErrorSpec(code, message, severity, optional(error, "detail"), optional(error, "hint"),
                optional(error, "schema"), optional(error, "table"), optional(error, "column"),
                optional(error, "constraint"), position);
    }

    List<NoticeSpec> notices(Node node) {
        List<Node> items = Scalars.list(node, "notices", problems);
        if (items == null) {
            return List.of();
        }
        List<NoticeSpec> notices = new ArrayList<>();
        for (Node item : items) {
            YamlMap notice = YamlMap.read(item, "notice", NOTICE_KEYS, problems);
            if (notice == null) {
                continue;
            }
            String severity = "NOTICE";
            if (notice.has("severity")) {
                severity = Scalars.text(notice.value("severity"), "severity", problems);
                if (severity != null && !NOTICE_SEVERITIES.contains(severity)) {
                    problems.add(notice.value("severity"), "notice severity must be one of WARNING, NOTICE, INFO, LOG,"
                            + " DEBUG, found " + Scalars.quote(severity));
                }
            }
            String code = notice.has("code") ? sqlState(notice.value("code")) : null;
            Node messageNode = notice.required("message", "notice", problems);
            String message = messageNode == null ? null : Scalars.text(messageNode, "message", problems);
            notices.add(new NoticeSpec(severity, code, message, optional(notice, "detail"), optional(notice, "hint")));
        }
        return notices;
    }

    List<NotifySpec> notifications(Node node) {
        List<Node> items = Scalars.list(node, "notify", problems);
        if (items == null) {
            return List.of();
        }
        List<NotifySpec> notifications = new ArrayList<>();
        for (Node item : items) {
            YamlMap notify = YamlMap.read(item, "notify entry", NOTIFY_KEYS, problems);
            if (notify == null) {
                continue;
            }
            Node channelNode = notify.required("channel", "notify entry", problems);
            String channel = channelNode == null ? null : Scalars.text(channelNode, "channel", problems);
            String payload = notify.has("payload") ? Scalars.text(notify.value("payload"), "payload", problems) : "";
            notifications.add(new NotifySpec(channel, payload));
        }
        return notifications;
    }

    private String sqlState(Node node) {
        String code = Scalars.text(node, "code", problems);
        if (code != null && !SQLSTATE.matcher(code).matches()) {
            problems.add(node, "'code' must be a SQLSTATE of 5 characters 0-9 or A-Z, found " + Scalars.quote(code));
        }
        return code;
    }

    private String optional(YamlMap map, String key) {
        return map.has(key) ? Scalars.text(map.value(key), key, problems) : null;
    }
}
