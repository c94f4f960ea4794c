package io.mockpg.junit5;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.script.Script;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit 5 extension behind {@link MockPg}, also usable programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MockPgExtension pg = MockPgExtension.builder()
 *         .script("classpath:shop.yaml")
 *         .build();
 * }</pre>
 *
 * <p>A static field gives the class (and its {@code @Nested} classes) one server; an instance
 * field gives each test its own. {@link #server()} and {@link #jdbcUrl()} reach the running
 * server; test, constructor and lifecycle-method parameters of type {@link MockPgServer},
 * {@link DataSource} and {@link Connection} are injected as with {@link MockPg}.
 *
 * <p>While a server runs, the system properties {@code mockpg.jdbc-url}, {@code mockpg.port}
 * and {@code mockpg.host} name it (restored afterwards), for frameworks that read a JDBC URL
 * from configuration.
 *
 * <p>When the test methods of a class run concurrently (JUnit parallel execution with
 * {@code CONCURRENT} methods), the shared server is not reset between tests,
 * {@link MockPgScript} is refused, and {@code failOnUnmatched} blames a test only for
 * statements sent over its injected {@code DataSource} or {@code Connection}; other unmatched
 * statements fail the class after its last test.
 */
public final class MockPgExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockPgExtension.class);
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    /** Null for the instance that {@link MockPg} registers: it reads its settings from the annotation. */
    private final ServerSettings settings;
    private volatile MockPgServer current;
    /** Where the current server's clients connect (a recorder's URL in record-once mode). */
    private volatile String currentJdbcUrl;

    /** The extension {@link MockPg} registers; use {@link #builder()} for a {@code @RegisterExtension} field. */
    public MockPgExtension() {
        this(null);
    }

    private MockPgExtension(ServerSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running server of this extension: the class's for a static field, the current test's
     * for an instance field.
     *
     * @throws IllegalStateException before it started, or for the extension {@link MockPg} registers
     */
    public MockPgServer server() {
        MockPgServer running = current;
        if (running == null) {
            throw new IllegalStateException(isDeclarative()
                    ? "mockpg: with @MockPg, declare a MockPgServer parameter to reach the server"
                    : "mockpg: the server is not running yet; it starts before the first test (static field) "
                    + "or before each test (instance field)");
        }
        return running;
    }

    /** Shortcut for {@code server().jdbcUrl()}; in record-once mode, the recorder's (docs/recording.md). */
    public String jdbcUrl() {
        server(); // fails the same way before the server runs
        return currentJdbcUrl;
    }

    boolean isDeclarative() {
        return settings == null;
    }

    ServerSettings settings() {
        return settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Declaration> declaration = Declaration.find(context);
        if (declaration.isEmpty() && isDeclarative()) {
            throw new ExtensionConfigurationException("mockpg: " + context.getRequiredTestClass().getName()
                    + " registers MockPgExtension without @MockPg; annotate the class with @MockPg(scripts = ...)");
        }
        declaration.filter(found -> found.ownedBy(this) && !found.perTest() && found.scopeContext() == context)
                .ifPresent(this::running);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Declaration declaration = owned(context).orElse(null);
        if (declaration == null) {
            return;
        }
        RunningServer running = running(declaration);
        boolean shared = !declaration.perTest();
        boolean concurrent = shared && isConcurrent(context);
        if (shared && !concurrent) {
            // statements from @BeforeAll or constructors are checked with the class, not this test
            running.recordUsage();
            running.deferUnmatched(running.server().unmatched());
            running.server().reset();
        }
        Optional<MockPgScript> methodScripts = AnnotationSupport.findAnnotation(context.getTestMethod(), MockPgScript.class);
        if (methodScripts.isPresent()) {
            if (concurrent) {
                throw new ExtensionConfigurationException("mockpg: @MockPgScript on " + context.getDisplayName()
                        + " cannot be used while the test methods share one server concurrently: its rules would "
                        + "answer the other tests too. Move the rules to the class scripts, or run this class's "
                        + "methods with @Execution(ExecutionMode.SAME_THREAD)");
            }
            addMethodScripts(context, running, methodScripts.get());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Declaration declaration = owned(context).orElse(null);
        RunningServer running = declaration == null ? null : stored(declaration);
        if (running == null) {
            return;
        }
        boolean shared = !declaration.perTest();
        boolean concurrent = shared && isConcurrent(context);
        MockPgServer server = running.server();
        TestScope scope = scope(context);
        Failures failures = new Failures();
        try {
            running.recordUsage();
            ServerSettings settings = running.settings();
            if (concurrent) {
                List<JournalEntry> own = server.unmatched().stream()
                        .filter(entry -> scope.sessions().contains(entry.sessionId())).toList();
                if (settings.failOnUnmatched()) {
                    failures.unmatchedListed(running.claimUnreported(own), "during this test");
                }
            } else {
                List<JournalEntry> unmatched = running.claimUnreported(server.unmatched());
                if (settings.failOnUnmatched()) {
                    failures.unmatched(server, unmatched, "during this test");
                }
            }
            if (settings.failOnUnusedRules()) {
                failures.unusedRules(running.unused(scope.methodRules()), "during this test");
                if (declaration.perTest()) {
                    failures.unusedRules(running.unusedStartRules(), "during this test");
                }
            }
        } finally {
            if (shared && !concurrent) {
                server.reset();
            }
        }
        failures.throwIfAny();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Declaration declaration = owned(context).filter(found -> found.scopeContext() == context).orElse(null);
        RunningServer running = declaration == null ? null : stored(declaration);
        if (running == null) {
            return;
        }
        MockPgServer server = running.server();
        running.recordUsage();
        Failures failures = new Failures();
        if (running.settings().failOnUnmatched()) {
            List<JournalEntry> outsideTests = new ArrayList<>(running.takeDeferredUnmatched());
            outsideTests.addAll(running.claimUnreported(server.unmatched()));
            failures.unmatchedListed(outsideTests, "sent outside the tests of " + declaration.owner()
                    + " (in @BeforeAll/@AfterAll or a constructor; with concurrent test methods, also those not sent "
                    + "over an injected DataSource or Connection)");
        }
        if (running.settings().failOnUnusedRules()) {
            failures.unusedRules(running.unusedStartRules(), "in " + declaration.owner());
        }
        failures.throwIfAny();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean injectable = type == MockPgServer.class || type == DataSource.class || type == Connection.class;
        return injectable && owned(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Declaration declaration = owned(context).orElseThrow();
        RunningServer running = running(declaration);
        Class<?> type = parameter.getParameter().getType();
        if (type == MockPgServer.class) {
            return running.server();
        }
        DataSource dataSource = JdbcResources.dataSource(running, sessionsOf(context));
        if (type == DataSource.class) {
            return dataSource;
        }
        try {
            Connection connection = dataSource.getConnection();
            context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) connection::close);
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException("mockpg: cannot open a connection to " + running.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private Optional<Declaration> owned(ExtensionContext context) {
        return Declaration.find(context).filter(found -> found.ownedBy(this));
    }

    /** The declared server, started on first use and closed with the declaring scope. */
    private RunningServer running(Declaration declaration) {
        RunningServer running = declaration.scopeContext().getStore(NAMESPACE).getOrComputeIfAbsent(
                declaration.storeKey(), key -> RunningServer.start(declaration.settings(), declaration.owner()),
                RunningServer.class);
        if (!isDeclarative()) {
            current = running.server();
            currentJdbcUrl = running.jdbcUrl();
        }
        return running;
    }

    private static RunningServer stored(Declaration declaration) {
        return declaration.scopeContext().getStore(NAMESPACE).get(declaration.storeKey(), RunningServer.class);
    }

    private static void addMethodScripts(ExtensionContext context, RunningServer running, MockPgScript annotation) {
        List<ScriptSpec> specs = Arrays.stream(annotation.value()).map(ScriptSpec::location).toList();
        List<Script> scripts = RunningServer.load(specs, context.getRequiredTestClass().getName() + "."
                + context.getRequiredTestMethod().getName());
        scripts.forEach(running.server()::addScript);
        scope(context).methodRules(RunningServer.ruleNames(scripts));
    }

    private static TestScope scope(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestScope.class);
    }

    /** Where connections opened for this context are recorded; only a test's own are read. */
    private static Set<Long> sessionsOf(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return scope(context).sessions();
        }
        return ConcurrentHashMap.newKeySet();
    }

    private static boolean isConcurrent(ExtensionContext context) {
        boolean parallel = context.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false);
        return parallel && context.getExecutionMode() == ExecutionMode.CONCURRENT;
    }

    /** Settings of a programmatically registered extension. */
    public static final class Builder {
        private final List<ScriptSpec> scripts = new ArrayList<>();
        private boolean failOnUnmatched = true;
        private boolean failOnUnusedRules = false;

        private Builder() {
        }

        /** A script: {@code "classpath:x.yaml"} or a file path. Later scripts take precedence. */
        public Builder script(String location) {
            scripts.add(ScriptSpec.location(location));
            return this;
        }

        public Builder script(Path file) {
            scripts.add(ScriptSpec.file(file));
            return this;
        }

        /** A script built in code. */
        public Builder script(Script script) {
            scripts.add(ScriptSpec.given(script));
            return this;
        }

        /** A script given as YAML text. */
        public Builder scriptYaml(String yaml) {
            scripts.add(ScriptSpec.inline(yaml));
            return this;
        }

        /** See {@link MockPg#failOnUnmatched()}; default true. */
        public Builder failOnUnmatched(boolean fail) {
            this.failOnUnmatched = fail;
            return this;
        }

        /** See {@link MockPg#failOnUnusedRules()}; default false. */
        public Builder failOnUnusedRules(boolean fail) {
            this.failOnUnusedRules = fail;
            return this;
        }

        public MockPgExtension build() {
            return new MockPgExtension(new ServerSettings(scripts, failOnUnmatched, failOnUnusedRules));
        }
    }
}
