package io.mockpg.script.yaml;

import io.mockpg.script.Response.FaultSpec;
import io.mockpg.script.Response.FaultType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code delay} and {@code fault} of a response (SPEC §3.2). */
final class DelayAndFault {
    static final List<String> FAULT_KEYS = List.of("type", "after_rows");
    private static final Pattern DELAY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)");
    private static final String DELAY_FORMAT = "expected a number and a unit ms, s or m, e.g. 250ms, 2s, 1.5s, 1m";
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
        Matcher matcher = DELAY.matcher(text.strip());
        if (!matcher.matches()) {
            problems.add(node, "invalid delay " + Scalars.quote(text) + ": " + DELAY_FORMAT);
            return null;
        }
        BigDecimal nanosPerUnit = switch (matcher.group(2)) {
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            default -> BigDecimal.valueOf(60_000_000_000L);
        };
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problems.add(node, "delay " + Scalars.quote(text) + " is too long");
            return null;
        }
        return Duration.ofNanos(nanos.longValue());
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
