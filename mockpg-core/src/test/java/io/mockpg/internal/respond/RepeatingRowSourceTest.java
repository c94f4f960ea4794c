package io.mockpg.internal.respond;

import io.mockpg.internal.engine.RowValueException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mockpg.internal.engine.ResultColumn;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatingRowSourceTest {
    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("n", FixedTextType.INT4),
            new ResultColumn("label", FixedTextType.INT4));
    private static final TemplateValues VALUES = new TemplateValues(List.of("5"), null, Set.of(), "app", "shop");

    private static RepeatingRowSource source(List<List<Object>> rows, long repeat) {
        CompiledRows compiled = new CompiledRows("r", COLUMNS, rows);
        return new RepeatingRowSource(compiled, compiled.resolve(VALUES), repeat, VALUES);
    }

    @Test
    void tenMillionRowsAreStreamedFromTwoStaticRows() {
        RepeatingRowSource rows = source(List.of(List.of(1, 2), List.of(3, 4)), 5_000_000);
        Object[] first = rows.next();
        Object[] second = rows.next();
        long count = 2;
        long sum = (Integer) first[0] + (Integer) second[0];
        Object[] row;
        while ((row = rows.next()) != null) {
            count++;
            sum += (Integer) row[0];
        }
        assertEquals(10_000_000L, count);
        assertEquals(5_000_000L * 4, sum);
        assertNull(rows.next());
    }

    @Test
    void staticRowsAreSharedNotCopied() {
        RepeatingRowSource rows = source(List.of(List.of(1, 2)), 3);
        Object[] first = rows.next();
        assertSame(first, rows.next());
    }

    @Test
    void rowNumberCountsAcrossRepeatsAndParamsAreConverted() {
        RepeatingRowSource rows = source(List.of(List.of("{{row}}", "{{$1}}"), List.of("{{row}}0", 9)), 2);
        assertArrayEquals(new Object[] {1, 5}, rows.next());
        assertArrayEquals(new Object[] {20, 9}, rows.next());
        assertArrayEquals(new Object[] {3, 5}, rows.next());
        assertArrayEquals(new Object[] {40, 9}, rows.next());
        assertNull(rows.next());
    }

    @Test
    void misfitIsRaisedBeforeAnyRowWithRuleAndColumnNamed() {
        CompiledRows compiled = new CompiledRows("bad-rule", COLUMNS, List.of(List.of("x{{row}}", 1)));
        RowValueException misfit = assertThrows(RowValueException.class, () -> compiled.resolve(VALUES));
        assertEquals("22P02", misfit.fields().code());
        assertEquals("invalid input for column \"n\" (int4) in rule \"bad-rule\": \"x1\": "
                + "invalid input syntax for type integer", misfit.fields().message());
    }

    @Test
    void zeroRepeatOrNoRowsGiveNothing() {
        assertNull(source(List.of(List.of(1, 2)), 0).next());
        assertNull(source(List.of(), 10).next());
    }
}
