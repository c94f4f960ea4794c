package io.mockpg.compat.spring;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same checks against the real PostgreSQL, which proves the script and the assertions honest. */
@CompatTarget("postgres")
class OnPostgresTest extends FrameworkChecks {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = FrameworksDatabase.prepare();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> FrameworksDatabase.USER);
        registry.add("spring.datasource.password", () -> FrameworksDatabase.PASSWORD);
    }
}
