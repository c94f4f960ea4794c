package io.mockpg.examples.users;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user row.
 *
 * @param id         int4 primary key
 * @param name       text
 * @param email      text, unique
 * @param balance    numeric(12,2)
 * @param createdAt  timestamptz
 * @param active     bool
 * @param externalId uuid used by other systems
 */
public record User(int id, String name, String email, BigDecimal balance, OffsetDateTime createdAt, boolean active,
                   UUID externalId) {
}
