package io.mockpg.internal.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
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
        route("/journal/unmatched", "GET", request -> journal(request, JournalEntry::unmatched));
        route("/rules", "GET", request -> ok(json.rules(backend.rules())));
        route("/rules", "POST", this::addRules);
        route("/reset", "POST", request -> {
            backend.reset();
            return AdminReply.noContent();
        });
        route("/notify", "POST", this::notifyListeners);
        route("/faults", "POST", this::injectFault);
        route("/faults", "DELETE", request -> {
            backend.clearFaults();
            return AdminReply.noContent();
        });
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
                    + "; use " + String.join(", ", allowed))), allowed, null);
        }
        try {
            return route.apply(new Request(query, body));
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed", method, path, e);
            return error(500, String.valueOf(e.getMessage()));
        }
    }

    private AdminReply journal(Request request) {
        List<String> rule = request.query().get("rule");
        if (rule != null && !rule.isEmpty()) {
            String ruleId = rule.get(0);
            return journal(request, entry -> ruleId.equals(entry.ruleId()));
        }
        return journal(request, entry -> true);
    }

    /** The entries that pass the filter, streamed; {@code ?after=SEQUENCE&limit=N} pages them. */
    private AdminReply journal(Request request, Predicate<JournalEntry> filter) {
        long after;
        long limit;
        try {
            after = number(request, "after", 0);
            limit = number(request, "limit", Long.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        return AdminReply.streamed(new JournalStream(backend, json, filter, after, limit, backend.lastSequence(),
                backend.journalDropped()));
    }

    private static long number(Request request, String name, long absent) {
        List<String> values = request.query().get(name);
        if (values == null || values.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(values.get(0));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + name + "' must be a non-negative integer, found '" + values.get(0) + "'");
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
            body = jsonObject(request);
        } catch (BadRequest e) {
            return e.reply;
        }
        if (body == null) {
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

    /** {@code {"at": n, "fault": "NAME"}}: the n-th scripted statement from now is answered by the fault. */
    private AdminReply injectFault(Request request) {
        JsonNode body;
        try {
            body = jsonObject(request);
        } catch (BadRequest e) {
            return e.reply;
        }
        String shape = "body must be a JSON object {\"at\": n, \"fault\": \"NAME\"}";
        if (body == null) {
            return error(400, shape);
        }
        JsonNode at = body.get("at");
        JsonNode fault = body.get("fault");
        if (at == null || !at.canConvertToInt() || !at.isIntegralNumber() || at.asInt() < 1) {
            return error(400, "\"at\" must be a whole number of 1 or more (1 = the next scripted statement); " + shape);
        }
        Fault chosen = fault != null && fault.isTextual() ? FAULTS.get(fault.asText()) : null;
        if (chosen == null) {
            return error(400, "\"fault\" must be one of " + String.join(", ", FAULTS.keySet()) + "; " + shape);
        }
        backend.injectFault(at.asInt(), chosen);
        return AdminReply.noContent();
    }

    private static final Map<String, Fault> FAULTS = faultsByName();

    private static Map<String, Fault> faultsByName() {
        Map<String, Fault> byName = new LinkedHashMap<>();
        for (Fault fault : Fault.values()) {
            byName.put(fault.name(), fault);
        }
        return byName;
    }

    /** The body as a JSON object, null when it is JSON but not an object. */
    private JsonNode jsonObject(Request request) throws BadRequest {
        JsonNode body;
        try {
            body = json.read(request.body());
        } catch (JsonProcessingException e) {
            throw new BadRequest(error(400, "body is not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadRequest(error(400, "body is not JSON: " + e.getMessage()));
        }
        return body != null && body.isObject() ? body : null;
    }

    /** A request refused before it reached the backend. */
    private static final class BadRequest extends Exception {
        private final transient AdminReply reply;

        BadRequest(AdminReply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
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
