package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.error;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ActiveRecord 6.1's table, column and primary key introspection, answered with the tables a script's rules use. */
class TableIntrospectionTest {
    static final String TABLES = "SELECT c.relname FROM pg_class c LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY (current_schemas(false)) AND c.relkind IN ('r','v','m','p','f')";
    static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod),
                   pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.atttypid, a.atttypmod,
                   c.collname, col_description(a.attrelid, a.attnum) AS comment
              FROM pg_attribute a
              LEFT JOIN pg_attrdef d ON a.attrelid = d.adrelid AND a.attnum = d.adnum
              LEFT JOIN pg_type t ON a.atttypid = t.oid
              LEFT JOIN pg_collation c ON a.attcollation = c.oid AND a.attcollation <> t.typcollation
             WHERE a.attrelid = '%s'::regclass
               AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum
            """;
    static final String PRIMARY_KEY = """
            SELECT a.attname
              FROM (
                     SELECT indrelid, indkey, generate_subscripts(indkey, 1) idx
                       FROM pg_index
                      WHERE indrelid = '%s'::regclass
                        AND indisprimary
                   ) i
              JOIN pg_attribute a
                ON a.attrelid = i.indrelid
               AND a.attnum = i.indkey[i.idx]
             ORDER BY i.idx
            """;

    /** The statements of the framework suite's ActiveRecord application (examples/compat/frameworks/activerecord.yaml). */
    static final String SCRIPT = """
            rules:
              - match:
                  sql: SELECT "book".* FROM "book" WHERE (price > 5) ORDER BY "book"."price" DESC LIMIT $1
                respond:
                  columns: [{id: int8}, {title: text}, {price: numeric}]
                  rows: [[3, Ulysses, "12.00"]]
              - match:
                  sql: SELECT "loan".* FROM "loan" WHERE "loan"."returned" = $1 ORDER BY "loan"."lent_at" ASC
                  params: [false]
                respond:
                  columns: [{id: int8}, {book_id: int8}, {lent_at: timestamp}, {returned: bool}]
                  rows: [[2, 2, "2024-03-01 09:30:15", false]]
              - match:
                  sql: INSERT INTO "tag" ("name") VALUES ($1) RETURNING "id"
                  params: [activerecord]
                respond:
                  columns: [{id: int8}]
                  rows: [[2]]
              - match:
                  sql: INSERT INTO "note" ("body", "stars") VALUES ($1, $2) RETURNING "id"
                  params: [draft, 1]
                respond:
                  columns: [{id: int8}]
                  rows: [[3]]
              - match:
                  sql: SELECT COUNT(*) FROM "note" WHERE "note"."body" = $1
                  params: [draft]
                respond:
                  columns: [{count: int8}]
                  rows: [[0]]
            """;

    private static BuiltinFixture.Client activerecordScript() {
        return new BuiltinFixture(SCRIPT).client();
    }

    @Test
    void theTablesAreTheOnesTheRulesUse() {
        Answer answer = activerecordScript().run(TABLES);

        assertEquals(List.of("relname:name"), columns(answer));
        assertEquals(List.of("book", "loan", "tag", "note"), rows(answer).stream().map(row -> row[0]).toList());
    }

    @Test
    void aSelectStarAnswerGivesTheColumnsInOrder() {
        Answer answer = activerecordScript().run(COLUMNS.formatted("\"loan\""));

        assertEquals(List.of("attname:name", "format_type:text", "pg_get_expr:text", "attnotnull:bool", "atttypid:oid",
                "atttypmod:int4", "collname:name", "comment:text"), columns(answer));
        assertEquals(List.of("id|bigint|null|true|20|-1|null|null", "book_id|bigint|null|false|20|-1|null|null",
                "lent_at|timestamp without time zone|null|false|1114|-1|null|null",
                "returned|boolean|null|false|16|-1|null|null"), joined(answer));
    }

    @Test
    void anInsertGivesItsColumnsTypedByTheirValuesAndTheReturnedKey() {
        Answer answer = activerecordScript().run(COLUMNS.formatted("\"note\""));

        assertEquals(List.of("body|text|null|false|25|-1|null|null", "stars|bigint|null|false|20|-1|null|null",
                "id|bigint|null|true|20|-1|null|null"), joined(answer));
    }

    @Test
    void thePrimaryKeyIsId() {
        BuiltinFixture.Client client = activerecordScript();

        assertEquals(List.of("id"), rows(client.run(PRIMARY_KEY.formatted("\"tag\""))).stream().map(row -> row[0]).toList());
        assertEquals(List.of("id"), rows(client.run(PRIMARY_KEY.formatted("public.book"))).stream().map(row -> row[0])
                .toList());
    }

    @Test
    void anUnknownTableIsPostgresUndefinedTable() {
        BuiltinFixture.Client client = activerecordScript();

        assertEquals("42P01", error(client.run(COLUMNS.formatted("\"author\""))).code());
        assertEquals("relation \"author\" does not exist", error(client.run(PRIMARY_KEY.formatted("\"author\""))).message());
        assertEquals("42602", error(client.run(COLUMNS.formatted("\"book"))).code());
    }

    @Test
    void aScriptWithoutRulesHasNoTables() {
        BuiltinFixture.Client client = new BuiltinFixture().client();

        assertEquals(List.of(), rows(client.run(TABLES)));
        assertEquals("relation \"book\" does not exist", error(client.run(COLUMNS.formatted("\"book\""))).message());
    }

    @Test
    void declaredParameterTypesAndSchemasAreKept() {
        BuiltinFixture.Client client = new BuiltinFixture("""
                rules:
                  - match:
                      sql: INSERT INTO shop.orders (total, paid, note) VALUES ($1, $2, 'gift') RETURNING id
                      param_types: [numeric, bool]
                    respond:
                      columns: [{id: int4}]
                      rows: [[1]]
                  - match:
                      sql: SELECT EXTRACT(YEAR FROM born), name FROM author WHERE born IS DISTINCT FROM $1
                    respond:
                      columns: [{extract: numeric}, {name: text}]
                      rows: []
                """).client();

        assertEquals(List.of("total|numeric|null|false|1700|-1|null|null", "paid|boolean|null|false|16|-1|null|null",
                "note|text|null|false|25|-1|null|null", "id|integer|null|true|23|-1|null|null"),
                joined(client.run(COLUMNS.formatted("\"shop\".\"orders\""))));
        assertEquals("relation \"orders\" does not exist", error(client.run(COLUMNS.formatted("orders"))).message());
        assertEquals(List.of("author"), rows(client.run(TABLES)).stream().map(row -> row[0]).toList());
        assertEquals(List.of("orders"), rows(client.run("SELECT c.relname FROM pg_class c LEFT JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = 'shop' AND c.relname = 'orders' AND c.relkind IN"
                + " ('r','p')")).stream().map(row -> row[0]).toList());
        assertEquals(List.of(), rows(client.run("SELECT c.relname FROM pg_class c LEFT JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = 'shop' AND c.relkind IN ('v','m')")));
        assertEquals(List.of(), rows(client.run(PRIMARY_KEY.formatted("author"))));
    }

    private static List<String> joined(Answer answer) {
        return rows(answer).stream().map(row -> String.join("|", java.util.Arrays.stream(row).map(String::valueOf)
                .toList())).toList();
    }
}
