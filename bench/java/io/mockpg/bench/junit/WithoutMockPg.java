package io.mockpg.bench.junit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The same trivial test without a server. */
public class WithoutMockPg {
    @Test
    void trivial() {
        Assertions.assertEquals(4, 2 + 2);
    }
}
