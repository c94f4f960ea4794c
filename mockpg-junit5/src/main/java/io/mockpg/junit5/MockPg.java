package io.mockpg.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class its own mockpg server (docs/junit5.md): started on a random port before the
 * first test, closed after the last one, answering from {@link #scripts()}.
 *
 * <pre>{@code
 * @MockPg(scripts = "classpath:shop.yaml")
 * class ShopRepositoryTest {
 *     @Test void findsUser(DataSource dataSource, MockPgServer server) { ... }
 * }
 * }</pre>
 *
 * <p>Test methods, constructors and lifecycle methods may declare parameters of type
 * {@link io.mockpg.MockPgServer}, {@link javax.sql.DataSource} and {@link java.sql.Connection}
 * (the last two need pgjdbc, {@code org.postgresql:postgresql}, on the test classpath).
 *
 * <p>After each test the server's journal, scenario states and the test's own
 * {@link MockPgScript} rules are reset, so every test starts from the class scripts alone.
 *
 * <p><b>{@code @Nested} classes</b> use the server of the closest enclosing class that
 * declares one, unless they declare their own {@code @MockPg} (or a static
 * {@link MockPgExtension} field): then they get their own server, with only their own
 * scripts, for the duration of the nested class.
 *
 * <p>A class uses either this annotation or a {@code @RegisterExtension} {@link MockPgExtension}
 * field, not both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockPgExtension.class)
public @interface MockPg {

    /**
     * Scripts loaded at start: {@code "classpath:x.yaml"} or a file path. Later scripts take
     * precedence. No scripts means a server that answers built-ins only.
     */
    String[] scripts() default {};

    /**
     * Whether a test fails when a statement sent during it matched no rule, even if the code
     * under test caught the resulting {@link java.sql.SQLException}. The failure message is the
     * server's near-miss report.
     */
    boolean failOnUnmatched() default true;

    /**
     * Whether a rule that never answered fails the build: a {@link MockPgScript} rule fails
     * its test, a class script rule fails the class.
     */
    boolean failOnUnusedRules() default false;
}
