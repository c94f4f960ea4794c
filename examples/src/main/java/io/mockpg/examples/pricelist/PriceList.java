package io.mockpg.examples.pricelist;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Prices of a shop's products, with Spring's {@link JdbcTemplate}: the example of recording (docs/recording.md). */
public final class PriceList {
    /** One product's price; {@code tags} is a text[] column. */
    public record Product(int id, String name, BigDecimal price, List<String> tags) {
    }

    private static final RowMapper<Product> PRODUCT = (rows, rowNumber) -> new Product(rows.getInt("id"),
            rows.getString("name"), rows.getBigDecimal("price"),
            List.of((String[]) rows.getArray("tags").getArray()));

    private final JdbcTemplate jdbc;

    public PriceList(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The products at most {@code max}, cheapest first. */
    public List<Product> atMost(BigDecimal max) {
        return jdbc.query("SELECT id, name, price, tags FROM products WHERE price <= ? ORDER BY price, id", PRODUCT, max);
    }

    public Optional<Product> find(int id) {
        return jdbc.query("SELECT id, name, price, tags FROM products WHERE id = ?", PRODUCT, id).stream().findFirst();
    }

    /** Sets a price; returns whether the product exists. */
    public boolean reprice(int id, BigDecimal price) {
        return jdbc.update("UPDATE products SET price = ? WHERE id = ?", price, id) == 1;
    }
}
