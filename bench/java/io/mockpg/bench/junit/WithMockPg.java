package io.mockpg.bench.junit;

import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** One trivial test in a class that gets a mockpg server. */
@MockPg
public class WithMockPg {
    @Test
    void trivial() {
        Assertions.assertEquals(4, 2 + 2);
    }
}
