package io.mockpg.examples.orders;

import java.math.BigDecimal;

/** One order as exported. */
public record ExportedOrder(long id, long customerId, BigDecimal amount) {
}
