package io.mockpg.junit5.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API (packages {@code io.mockpg} and {@code io.mockpg.junit5}, of mockpg-core and
 * mockpg-junit5) never shows a user a type from {@code io.mockpg.internal}: no public or
 * protected member of a class a user can see returns, takes, declares or extends one, so an
 * IDE offers only the API and the internals can change freely.
 */
class PublicApiTest {
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mockpg");

    /** The rule, for these classes. */
    static ArchRule noInternalTypeInTheApi() {
        return classes().that().resideOutsideOfPackage("io.mockpg.internal..")
                .and(visibleToUsers())
                .should(exposeNoInternalType())
                .because("users import io.mockpg and io.mockpg.junit5 only; internal types must not show in them");
    }

    @Test
    void apiExposesNoInternalType() {
        assertFalse(MAIN_CLASSES.that(visibleToUsers()).isEmpty(), "the API classes are on the classpath");
        assertTrue(MAIN_CLASSES.contain("io.mockpg.MockPgServer") && MAIN_CLASSES.contain("io.mockpg.junit5.MockPgExtension"),
                "both modules are analyzed");
        noInternalTypeInTheApi().check(MAIN_CLASSES);
    }

    /** A public class whose enclosing classes are public too. */
    private static DescribedPredicate<JavaClass> visibleToUsers() {
        return DescribedPredicate.describe("are visible to users", javaClass -> {
            for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
                if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no type of io.mockpg.internal") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                javaClass.getRawSuperclass().ifPresent(superclass -> leak(leaks, "extends", superclass));
                javaClass.getRawInterfaces().forEach(face -> leak(leaks, "implements", face));
                for (JavaMember member : javaClass.getMembers()) {
                    if (!visible(member.getModifiers())) {
                        continue;
                    }
                    if (member instanceof JavaField field) {
                        involved(leaks, field.getFullName(), field.getType());
                    } else if (member instanceof JavaCodeUnit code && !code.getName().startsWith("lambda$")
                            && !code.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        involved(leaks, code.getFullName() + " returns", code.getReturnType());
                        for (JavaType parameter : code.getParameterTypes()) {
                            involved(leaks, code.getFullName() + " takes", parameter);
                        }
                        code.getThrowsClause().getTypes().forEach(thrown -> leak(leaks, code.getFullName() + " throws", thrown));
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + ": " + leak));
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void involved(List<String> leaks, String where, JavaType type) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            leak(leaks, where, raw);
        }
    }

    private static void leak(List<String> leaks, String where, JavaClass type) {
        if (type.getPackageName().startsWith("io.mockpg.internal")) {
            leaks.add(where + " " + type.getName());
        }
    }
}
