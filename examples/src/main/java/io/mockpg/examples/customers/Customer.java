package io.mockpg.examples.customers;

/**
 * A customer row.
 *
 * @param id   int8 primary key
 * @param name text
 * @param vip  bool
 */
public record Customer(long id, String name, boolean vip) {
}
