package io.mockpg.internal.types;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every value captured from a real PostgreSQL 15 (see types/capture-pg-fixtures.sh):
 * our text output and binary send bytes must equal the server's, and the server's bytes must
 * read back to the same value.
 */
class Pg15FixturesTest {
    private static final HexFormat HEX = HexFormat.of();

    record Fixture(String type, String input, String text, String binaryHex) {
        String label() {
            return type + " '" + input + "'";
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        try (InputStream in = Pg15FixturesTest.class.getResourceAsStream("/types/pg15-fixtures.tsv")) {
            assertNotNull(in, "fixture file missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                assertEquals(4, columns.length, "columns in: " + line);
                fixtures.add(new Fixture(columns[0], columns[1], columns[2], columns[3]));
            }
        }
        return fixtures;
    }

    @Test
    void fixturesCoverEveryElementAndArrayTypeExceptUnknown() throws IOException {
        List<String> captured = fixtures().stream().map(Fixture::type).distinct().toList();
        for (PgType type : PgTypes.all()) {
            if (type != PgTypes.UNKNOWN) {
                assertTrue(captured.contains(type.name()), "no fixture for " + type.name());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> textAndBinaryMatchPostgres() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.label(), () -> check(f)));
    }

    private static void check(Fixture f) {
        PgType type = PgTypes.byName(f.type());
        assertNotNull(type, "unknown type " + f.type());
        byte[] pgBytes = HEX.parseHex(f.binaryHex());
        Object value = type.fromText(f.input());
        Object fromPgBytes = type.fromBinary(pgBytes);
        assertAll(
                () -> assertEquals(f.text(), type.toText(value), "text output"),
                () -> assertEquals(f.binaryHex(), HEX.formatHex(type.toBinary(value)), "binary output"),
                () -> assertEquals(f.text(), type.toText(fromPgBytes), "text of PostgreSQL's bytes"),
                () -> assertEquals(f.binaryHex(), HEX.formatHex(type.toBinary(fromPgBytes)),
                        "bytes re-encoded"),
                () -> assertEquals(f.text(), type.toText(type.fromText(f.text())), "text re-read"));
    }
}
