package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled example script loads and really shows every feature of the format. */
class ExampleScriptTest {
    static final Path EXAMPLE = Path.of("..", "examples", "scripts", "shop.yaml");
    static final Path TEST_COPY = Path.of("src", "test", "resources", "scripts", "shop.yaml");

    private static Rule rule(Script script, String id) {
        return script.rules().stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
    }

    @Test
    void theTestCopyIsTheExample() throws IOException {
        assertEquals(Files.readString(EXAMPLE), Files.readString(TEST_COPY));
    }

    @Test
    void exampleLoadsWithEveryFeature() {
        Script script = ScriptLoader.load(EXAMPLE.toString());
        assertEquals("16.4", script.server().version());
        assertEquals("UTC", script.server().parameters().get("TimeZone"));
        assertEquals(new AuthConfig(AuthConfig.AuthMethod.SCRAM_SHA_256, Map.of("app", "s3cret")), script.server().auth());
        assertEquals(List.of("shop"), script.server().databases());

        Set<String> types = script.rules().stream().flatMap(r -> r.responses().stream())
                .filter(r -> r.columns() != null).flatMap(r -> r.columns().stream())
                .map(Response.Column::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("numeric", "text[]", "int4[]", "jsonb", "json", "bytea", "timestamptz",
                "uuid", "date", "bool", "float8", "int8")), types.toString());

        assertNotNull(rule(script, "product-by-sku").match().regex());
        assertEquals(List.of("numeric"), rule(script, "cheap-products").match().paramTypes());
        assertEquals(1000, rule(script, "order-history").responses().get(0).repeat());
        assertEquals(3L, rule(script, "deactivate-old-customers").responses().get(0).affected());
        assertEquals("VACUUM", rule(script, "vacuum").responses().get(0).tag());
        Response.ErrorSpec unique = rule(script, "duplicate-email").responses().get(0).error();
        assertEquals("23505", unique.code());
        assertEquals("customers_email_key", unique.constraint());
        assertEquals(13, unique.position());
        assertEquals("00000", rule(script, "drop-import-table").responses().get(0).notices().get(0).code());
        assertEquals(Duration.ofMillis(250), rule(script, "slow-report").responses().get(0).delay());
        assertEquals(new Response.FaultSpec(Response.FaultType.RESET, 2L),
                rule(script, "flaky-export").responses().get(0).fault());
        assertEquals("orders", rule(script, "place-order").responses().get(0).notifications().get(0).channel());
        List<Response> reserve = rule(script, "reserve-stock").responses();
        assertEquals("40001", reserve.get(0).error().code());
        assertEquals(1L, reserve.get(1).affected());
        assertEquals(1, rule(script, "coupon-first-use").times());
        assertEquals("has_items", rule(script, "add-to-cart").nextState());
        assertEquals("has_items", rule(script, "cart-with-items").state());
        assertTrue(rule(script, "import-products").responses().get(0).copy());
        assertTrue(rule(script, "export-products").responses().get(0).copy());
        assertEquals("app", rule(script, "admin-stats").match().user());
        assertEquals("shop", rule(script, "admin-stats").match().database());
        assertEquals(List.of("{{row}}", "order {{row}}"), rule(script, "order-history").responses().get(0).rows().get(0));
    }
}
