package io.mockpg.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Extra scripts for one test: their rules are added ahead of the class scripts before the test
 * (so they take precedence) and removed after it. Needs {@link MockPg} or a
 * {@link MockPgExtension} on the test class.
 *
 * <pre>{@code
 * @Test
 * @MockPgScript("classpath:users-table-locked.yaml")
 * void reportsLockTimeout(UserRepository users) { ... }
 * }</pre>
 *
 * <p>Not available when test methods of one class run concurrently on a shared server: added
 * rules would answer the other tests too.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MockPgScript {

    /** Script locations: {@code "classpath:x.yaml"} or a file path; later ones take precedence. */
    String[] value();
}
