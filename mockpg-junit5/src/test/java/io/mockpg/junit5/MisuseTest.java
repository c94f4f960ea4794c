package io.mockpg.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MisuseTest {

    @Test
    void missingScriptFailsTheClassNamingTheLocation() {
        String failure = onlyClassFailure(CaseRunner.run(MissingScriptCase.class));

        assertTrue(failure.contains("mockpg: cannot load script classpath:does-not-exist.yaml for "
                + MissingScriptCase.class.getName()), failure);
    }

    @Test
    void badYamlFailsTheClassWithFileLineAndColumn() {
        String failure = onlyClassFailure(CaseRunner.run(BadYamlCase.class));

        assertTrue(Pattern.compile("classpath:broken\\.yaml:3:5: .*mtach").matcher(failure).find(), failure);
    }

    @Test
    void annotationAndFieldOnOneClassIsRefused() {
        String failure = onlyClassFailure(CaseRunner.run(BothStylesCase.class));

        assertTrue(failure.contains("mockpg: " + BothStylesCase.class.getName() + " has both @MockPg and a "
                + "@RegisterExtension MockPgExtension field"), failure);
    }

    @Test
    void extendWithWithoutAnnotationIsRefused() {
        String failure = onlyClassFailure(CaseRunner.run(ExtendWithOnlyCase.class));

        assertTrue(failure.contains("registers MockPgExtension without @MockPg"), failure);
    }

    private static String onlyClassFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(0));
        List<String> failures = CaseRunner.classFailures(results);
        assertEquals(1, failures.size(), failures.toString());
        return failures.get(0);
    }

    @MockPg(scripts = "classpath:does-not-exist.yaml")
    static class MissingScriptCase {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should not start");
        }
    }

    @MockPg(scripts = "classpath:broken.yaml")
    static class BadYamlCase {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should not start");
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class BothStylesCase {
        @RegisterExtension
        static MockPgExtension pg = MockPgExtension.builder().script("classpath:shop.yaml").build();

        @Test
        void neverRuns() {
            throw new AssertionError("the class should not start");
        }
    }

    @ExtendWith(MockPgExtension.class)
    static class ExtendWithOnlyCase {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should not start");
        }
    }
}
