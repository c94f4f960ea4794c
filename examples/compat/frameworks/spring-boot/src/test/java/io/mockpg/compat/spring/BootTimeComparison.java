package io.mockpg.compat.spring;

import io.mockpg.MockPgServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time to start the library application's Spring context against mockpg and against the
 * real PostgreSQL, interleaved in one JVM after one warm-up start of each (run by hand, see
 * examples/compat/frameworks/README.md):
 * {@code java -cp … io.mockpg.compat.spring.BootTimeComparison [rounds]}.
 */
public final class BootTimeComparison {
    private BootTimeComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String postgres = FrameworksDatabase.prepare();
        try (MockPgServer mock = MockPgServer.builder().script("classpath:frameworks.yaml").start()) {
            Map<String, Object> onMock = Map.of("spring.datasource.url", mock.jdbcUrl(),
                    "spring.datasource.username", "app");
            Map<String, Object> onPostgres = Map.of("spring.datasource.url", postgres,
                    "spring.datasource.username", FrameworksDatabase.USER,
                    "spring.datasource.password", FrameworksDatabase.PASSWORD);
            start(onMock);
            start(onPostgres);
            List<Long> mockTimes = new ArrayList<>();
            List<Long> postgresTimes = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                mockTimes.add(start(onMock));
                postgresTimes.add(start(onPostgres));
            }
            System.out.printf("context start, %d interleaved rounds: mockpg median %d ms %s; postgres median %d ms %s;"
                    + " unmatched on mockpg: %d%n", rounds, median(mockTimes), mockTimes, median(postgresTimes),
                    postgresTimes, mock.unmatched().size());
        }
    }

    /** Milliseconds from run() to a started context (then closed). */
    private static long start(Map<String, Object> properties) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CompatApplication.class)
                .properties(properties).logStartupInfo(false).run()) {
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
