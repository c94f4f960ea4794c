package io.mockpg.junit5;

import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.api.ServerBridge;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The invocations of a {@link FaultSweep}: the clean run first, then one per (statement,
 * fault). JUnit executes a template's invocations as it draws them from the stream, so the
 * stream's tail is computed only when drawn, after the clean run has executed and numbered
 * its statements.
 */
final class FaultSweepExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), FaultSweep.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Fault[] faults = AnnotationSupport.findAnnotation(context.getTestMethod(), FaultSweep.class)
                .orElseThrow().faults();
        if (faults.length == 0) {
            throw new ExtensionConfigurationException("mockpg: @FaultSweep on " + context.getDisplayName()
                    + " names no faults; leave faults out to sweep with all of them");
        }
        CleanRun clean = new CleanRun();
        Stream<TestTemplateInvocationContext> faulted = Stream.of(clean)
                .flatMap(run -> run.statements(context).stream())
                .flatMap(statement -> Stream.of(faults).map(fault -> new FaultRun(statement, fault)));
        return Stream.concat(Stream.of(clean), faulted);
    }

    /** A statement of the clean run: its number among the scripted ones, and its text. */
    record SweptStatement(int number, String sql) {
    }

    /** The run without faults; it numbers the statements that rules answered. */
    static final class CleanRun implements TestTemplateInvocationContext, BeforeTestExecutionCallback,
            AfterTestExecutionCallback {
        private int scriptedBefore = -1;
        private List<SweptStatement> statements;
        private Throwable failure;

        @Override
        public String getDisplayName(int invocationIndex) {
            return "clean run";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            scriptedBefore = scripted(context).size();
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            List<JournalEntry> scripted = scripted(context);
            List<JournalEntry> own = scripted.subList(Math.min(scriptedBefore, scripted.size()), scripted.size());
            statements = IntStream.range(0, own.size())
                    .mapToObj(i -> new SweptStatement(i + 1, own.get(i).sql())).toList();
            failure = context.getExecutionException().orElse(null);
        }

        /** The statements to sweep; none when the clean run failed or did not reach the test method. */
        List<SweptStatement> statements(ExtensionContext context) {
            if (statements == null && failure == null && scriptedBefore < 0) {
                return List.of();
            }
            if (statements == null) {
                throw new ExtensionConfigurationException("mockpg: the fault runs of " + context.getDisplayName()
                        + " were asked for before its clean run finished; a @FaultSweep's runs must execute one "
                        + "after another (do not annotate it with @Execution(CONCURRENT))");
            }
            return failure != null ? List.of() : statements;
        }
    }

    /** One statement answered by one fault. */
    static final class FaultRun implements TestTemplateInvocationContext, BeforeTestExecutionCallback,
            AfterTestExecutionCallback {
        private final SweptStatement statement;
        private final Fault fault;
        private Runnable undo;

        FaultRun(SweptStatement statement, Fault fault) {
            this.statement = statement;
            this.fault = fault;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "#" + statement.number() + " " + SweepNames.abbreviate(statement.sql()) + " → "
                    + SweepNames.outcome(fault);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            MockPgServer server = MockPgExtension.serverOf(context);
            if (MockPgExtension.isConcurrent(context)) {
                // other tests use the server meanwhile: count this test's own sessions only
                Set<Long> own = MockPgExtension.testSessions(context);
                undo = ServerBridge.engine(server).injectFault(statement.number(), fault,
                        session -> own.contains((long) session));
            } else {
                server.clearFaults();
                server.injectFault(statement.number(), fault);
                undo = server::clearFaults;
            }
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            // a fault the test never reached must not hit the next test
            undo.run();
        }
    }

    /**
     * The test's journal entries that a script rule answered (not built-in, unmatched or refused
     * in a failed transaction): on a server other tests use meanwhile, those of its own sessions.
     */
    static List<JournalEntry> scripted(ExtensionContext context) {
        List<JournalEntry> journal = MockPgExtension.serverOf(context).journal();
        Set<Long> own = MockPgExtension.isConcurrent(context) ? MockPgExtension.testSessions(context) : null;
        return journal.stream().filter(entry -> !entry.unmatched() && !entry.builtin()
                && !entry.ruleId().startsWith("rejected:") && (own == null || own.contains(entry.sessionId()))).toList();
    }
}
