package io.mockpg;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.List;

/**
 * The layers of mockpg-core, lowest first: a class may use its own layer and the layers below
 * it, never one above. The order is the one in {@link #LAYERS}.
 */
@AnalyzeClasses(packages = "io.mockpg", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String INTERNAL = "io.mockpg.internal..";

    /**
     * The public API's values that the internals hand out or take (the journal's entries, a
     * fault, a rule's summary, a check's report), named here: everything else of io.mockpg
     * sits above the internals.
     */
    private static final DescribedPredicate<JavaClass> API_VALUES = DescribedPredicate.describe(
            "public values the internals use", javaClass -> javaClass.getPackageName().equals("io.mockpg")
                    && List.of("Fault", "JournalEntry", "RuleSummary", "ScriptCheckReport")
                    .contains(outermost(javaClass.getBaseComponentType()).getSimpleName()));

    private record Layer(String name, DescribedPredicate<? super JavaClass> classes) {
    }

    /** Lowest first. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("API values", API_VALUES),
            new Layer("types, sql, script, auth, logging", resideInAnyPackage("io.mockpg.internal.types..",
                    "io.mockpg.internal.sql..", "io.mockpg.internal.script..", "io.mockpg.internal.auth..",
                    "io.mockpg.internal.logging..", "io.mockpg.internal.stub..")),
            new Layer("matching", resideInAPackage("io.mockpg.internal.matching..")),
            new Layer("journal", resideInAPackage("io.mockpg.internal.journal..")),
            // the session's transaction: what the engine's answers and the journal's outcomes change
            new Layer("session", resideInAPackage("io.mockpg.internal.session..")),
            new Layer("engine, respond", resideInAnyPackage("io.mockpg.internal.engine..",
                    "io.mockpg.internal.respond..")),
            // the wire, both roles: the backend's messages and the client side toward a real PostgreSQL
            new Layer("protocol, upstream", resideInAnyPackage("io.mockpg.internal.protocol..",
                    "io.mockpg.internal.upstream..")),
            new Layer("server, check", resideInAnyPackage("io.mockpg.internal.server..",
                    "io.mockpg.internal.check..")),
            new Layer("record", resideInAPackage("io.mockpg.internal.record..")),
            // internal.api bridges the public API's classes and the engine they drive
            new Layer("API", resideInAnyPackage("io.mockpg", "io.mockpg.internal.api..").and(not(API_VALUES))),
            new Layer("cli", resideInAPackage("io.mockpg.internal.cli..")));

    @ArchTest
    static final ArchRule noLayerUsesALayerAboveIt = layered();

    @ArchTest
    static final ArchRule everyClassIsInALayer = noClasses()
            .that(not(inAnyLayer()))
            .should().resideInAPackage("io.mockpg..")
            .as("every class of io.mockpg belongs to a layer of LayeringTest")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule protocolKnowsNothingOfScripts = noClasses()
            .that().resideInAPackage("io.mockpg.internal.protocol..")
            .should().dependOnClassesThat().resideInAPackage("io.mockpg.internal.script..");

    @ArchTest
    static final ArchRule scriptsSqlAndMatchingDoNotUseNetty = noClasses()
            .that().resideInAnyPackage("io.mockpg.internal.script..", "io.mockpg.internal.sql..",
                    "io.mockpg.internal.matching..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    private static ArchRule layered() {
        LayeredArchitecture architecture = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.classes());
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
            architecture = below.length == 0
                    ? architecture.whereLayer(LAYERS.get(i).name()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(LAYERS.get(i).name()).mayOnlyAccessLayers(below);
        }
        return architecture;
    }

    private static DescribedPredicate<JavaClass> inAnyLayer() {
        DescribedPredicate<JavaClass> any = DescribedPredicate.alwaysFalse();
        for (Layer layer : LAYERS) {
            any = any.or(layer.classes());
        }
        return any.as("in a layer");
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
