package io.mockpg.examples.pricelist;

import io.mockpg.examples.pricelist.PriceList.Product;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record once, replay forever (docs/recording.md): this class's script was recorded from a
 * real PostgreSQL holding recorded/price-list.sql, by running the class with
 * {@code -Dmockpg.record=URL}; every other build replays it, no database needed.
 */
// doc:start record-once
@MockPg(scripts = "classpath:recorded/price-list.yaml")
class PriceListTest {
    PriceList prices;

    @BeforeEach
    void connect(DataSource dataSource) {
        prices = new PriceList(dataSource);
    }

    @Test
    void listsTheProductsUpToAPriceCheapestFirst() {
        assertEquals(List.of(new Product(1, "apple", new BigDecimal("0.45"), List.of("fruit", "fresh")),
                        new Product(2, "bread", new BigDecimal("2.10"), List.of("bakery"))),
                prices.atMost(new BigDecimal("5.00")));
    }

    @Test
    void findsOneProduct() {
        assertEquals(Optional.of(new Product(3, "cheese", new BigDecimal("6.90"), List.of("dairy", "aged 12 months"))),
                prices.find(3));
        assertEquals(Optional.empty(), prices.find(99));
    }

    @Test
    void repricesOnlyAProductThatExists() {
        assertTrue(prices.reprice(2, new BigDecimal("2.10")));
        assertFalse(prices.reprice(99, new BigDecimal("1.00")));
    }
}
// doc:end record-once
