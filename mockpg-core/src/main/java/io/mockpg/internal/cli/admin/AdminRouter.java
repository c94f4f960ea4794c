package io.mockpg.internal.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mockpg.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps admin API requests (docs/ci.md, "Admin HTTP API") to {@link AdminBackend} calls and JSON answers. Errors are
 * JSON too: {@code {"errors": ["..."]}}.
 */
final class AdminRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRouter.class);

    /** What a route needs from the request. */
    record Request(Map<String, List<String>> query, byte[] body) {
    }

    private final AdminBackend backend;
    private final AdminJson json = new AdminJson();
    // path -> method -> route
    private final Map<String, Map<String, Function<Request, AdminReply>>> routes = new LinkedHashMap<>();

    AdminRouter(AdminBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        route("/health", "GET", request -> ok(json.status("ok")));
        route("/journal", "GET", this::journal);
        route("/journal", "DELETE", request -> {
            backend.clearJournal();
            return AdminReply.noContent();
        });
        route("/journal/unmatched", "GET", request -> ok(json.journal(backend.unmatched())));
        route("/rules", "GET", request -> ok(json.rules(backend.rules())));
        route("/rules", "POST", this::addRules);
        route("/reset", "POST", request -> {
            backend.reset();
            return AdminReply.noContent();
        });
        route("/notify", "POST", this::notifyListeners);
    }

    /** Answers one request; never throws. */
    AdminReply handle(String method, String path, Map<String, List<String>> query, byte[] body) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Map<String, Function<Request, AdminReply>> byMethod = routes.get(normalized);
        if (byMethod == null) {
            return error(404, "no such resource: " + path);
        }
        Function<Request, AdminReply> route = byMethod.get(method);
        if (route == null) {
            List<String> allowed = List.copyOf(byMethod.keySet());
            return new AdminReply(405, json.errors(List.of(method + " not allowed on " + normalized
                    + "; use " + String.join(", ", allowed))), allowed);
        }
        try {
            return route.apply(new Request(query, body));
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed", method, path, e);
            return error(500, String.valueOf(e.getMessage()));
        }
    }

    private AdminReply journal(Request request) {
        List<JournalEntry> entries = backend.journal();
        List<String> rule = request.query().get("rule");
        if (rule != null && !rule.isEmpty()) {
            String ruleId = rule.get(0);
            entries = entries.stream().filter(entry -> ruleId.equals(entry.ruleId())).toList();
        }
        return ok(json.journal(entries));
    }

    private AdminReply addRules(Request request) {
        List<String> problems = backend.addRulesYaml(new String(request.body(), StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            return AdminReply.json(400, json.errors(problems));
        }
        return AdminReply.json(201, json.rules(backend.rules()));
    }

    private AdminReply notifyListeners(Request request) {
        JsonNode body;
        try {
            body = json.read(request.body());
        } catch (JsonProcessingException e) {
            return error(400, "body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return error(400, "body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return error(400, "body must be a JSON object {\"channel\": ..., \"payload\": ...}");
        }
        JsonNode channel = body.get("channel");
        JsonNode payload = body.get("payload");
        if (channel == null || !channel.isTextual() || channel.asText().isEmpty()) {
            return error(400, "\"channel\" must be a non-empty string");
        }
        if (payload != null && !payload.isNull() && !payload.isTextual()) {
            return error(400, "\"payload\" must be a string");
        }
        backend.notify(channel.asText(), payload == null || payload.isNull() ? "" : payload.asText());
        return AdminReply.noContent();
    }

    private void route(String path, String method, Function<Request, AdminReply> route) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
    }

    private static AdminReply ok(byte[] body) {
        return AdminReply.json(200, body);
    }

    /** An error answer: {@code {"errors": [message]}}. */
    AdminReply error(int status, String message) {
        return AdminReply.json(status, json.errors(List.of(message)));
    }
}
