package io.mockpg.internal.script.yaml;

import io.mockpg.internal.script.Response.FaultSpec;
import io.mockpg.internal.script.Response.FaultType;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code delay} and {@code fault} of a response (docs/script-reference.md, "respond"). */
final class DelayAndFault {
    static final List<String> FAULT_KEYS = List.of("type", "after_rows");
    private static final String FAULT_FORMAT = "expected close, reset or {type: close|reset, after_rows: N}";

    private final Problems problems;

    DelayAndFault(Problems problems) {
        this.problems = problems;
    }

    /** The delay, or null with a problem. */
    Duration delay(Node node) {
        String text = Scalars.text(node, "delay", problems);
        if (text == null) {
            return null;
        }
        Duration delay;
        try {
            delay = DurationText.parse(text);
        } catch (ArithmeticException e) {
            problems.add(node, "delay " + Scalars.quote(text) + " is too long");
            return null;
        }
        if (delay == null) {
            problems.add(node, "invalid delay " + Scalars.quote(text) + ": " + DurationText.FORMAT);
        }
        return delay;
    }

    /** The fault, or null with a problem. */
    FaultSpec fault(Node node) {
        if (node instanceof ScalarNode) {
            FaultType type = faultType(node);
            return type == null ? null : new FaultSpec(type, null);
        }
        YamlMap fault = YamlMap.read(node, "fault", FAULT_KEYS, problems);
        if (fault == null) {
            return null;
        }
        Node typeNode = fault.required("type", "fault", problems);
        FaultType type = typeNode == null ? null : faultType(typeNode);
        Long afterRows = fault.has("after_rows") ? Scalars.nonNegativeLong(fault.value("after_rows"), "after_rows",
                problems) : null;
        return type == null ? null : new FaultSpec(type, afterRows);
    }

    private FaultType faultType(Node node) {
        String text = node instanceof ScalarNode scalar ? scalar.getValue() : "";
        switch (text) {
            case "close":
                return FaultType.CLOSE;
            case "reset":
                return FaultType.RESET;
            default:
                problems.add(node, "invalid fault " + Scalars.describe(node) + ": " + FAULT_FORMAT);
                return null;
        }
    }
}
