package io.mockpg.junit5;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the server of a test comes from: the innermost declaration around it, looking at the
 * test instance's {@code MockPgExtension} instance fields (a server per test), then the class's
 * {@link MockPg} or static {@code MockPgExtension} field (a server per class), then the same for
 * each enclosing class of a {@code @Nested} class.
 *
 * @param kind           how the server is declared
 * @param scopeContext   the context whose store holds the server: the declaring class's, or the test's
 * @param declaringClass the class carrying the declaration
 * @param annotation     the annotation, for {@link Kind#ANNOTATION}
 * @param extension      the extension instance, for the field kinds
 */
record Declaration(Kind kind, ExtensionContext scopeContext, Class<?> declaringClass, MockPg annotation,
                   MockPgExtension extension) {

    enum Kind { ANNOTATION, STATIC_FIELD, INSTANCE_FIELD }

    /** The declaration governing a class or test context, if any. */
    static Optional<Declaration> find(ExtensionContext context) {
        Optional<TestInstances> instances = isClassContext(context) ? Optional.empty() : context.getTestInstances();
        for (ExtensionContext current = classContextOf(context); current != null && isClassContext(current);
             current = current.getParent().orElse(null)) {
            Class<?> type = current.getRequiredTestClass();
            ExtensionContext classContext = current;
            Optional<Declaration> found = instanceField(context, type, instances).or(() -> onClass(classContext, type));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether this extension instance is the one that manages the declared server. */
    boolean ownedBy(MockPgExtension candidate) {
        return kind == Kind.ANNOTATION ? candidate.isDeclarative() : extension == candidate;
    }

    boolean perTest() {
        return kind == Kind.INSTANCE_FIELD;
    }

    /** The settings the server starts with. */
    ServerSettings settings() {
        return kind == Kind.ANNOTATION ? ServerSettings.of(annotation) : extension.settings();
    }

    /**
     * The key of the server in {@link #scopeContext()}'s store, distinct per declaring scope. A
     * list rather than a record: a record's equals and hashCode are bootstrapped through method
     * handles on first use, about 10 ms of the first test class in a fresh JVM.
     */
    Object storeKey() {
        return perTest() ? List.of("test server", extension) : List.of("class server", declaringClass);
    }

    /** The class or test the server is for, as error messages name it. */
    String owner() {
        return perTest() ? scopeContext.getRequiredTestClass().getName() + "." + scopeContext.getDisplayName()
                : declaringClass.getName();
    }

    private static Optional<Declaration> onClass(ExtensionContext context, Class<?> type) {
        Optional<MockPg> annotation = AnnotationSupport.findAnnotation(type, MockPg.class);
        List<Field> staticFields = extensionFields(type, field -> Modifier.isStatic(field.getModifiers()));
        if (annotation.isPresent()) {
            if (!extensionFields(type, field -> true).isEmpty()) {
                throw new ExtensionConfigurationException("mockpg: " + type.getName() + " has both @MockPg and a "
                        + "@RegisterExtension MockPgExtension field; use one of them: @MockPg(scripts = ...) or "
                        + "MockPgExtension.builder().script(...).build()");
            }
            return Optional.of(new Declaration(Kind.ANNOTATION, context, type, annotation.get(), null));
        }
        if (staticFields.size() > 1) {
            throw new ExtensionConfigurationException("mockpg: " + type.getName() + " declares "
                    + staticFields.size() + " static MockPgExtension fields; one server per class is managed, "
                    + "so declare one field and give it every script");
        }
        return staticFields.stream().findFirst()
                .map(field -> new Declaration(Kind.STATIC_FIELD, context, type, null, read(field, null)));
    }

    private static Optional<Declaration> instanceField(ExtensionContext context, Class<?> type,
                                                       Optional<TestInstances> instances) {
        Optional<Object> instance = instances.flatMap(all -> all.findInstance(type).map(Object.class::cast));
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        return extensionFields(type, field -> !Modifier.isStatic(field.getModifiers())).stream().findFirst()
                .map(field -> new Declaration(Kind.INSTANCE_FIELD, context, type, null,
                        read(field, instance.get())));
    }

    private static List<Field> extensionFields(Class<?> type, Predicate<Field> filter) {
        return ReflectionSupport.findFields(type, field -> MockPgExtension.class.isAssignableFrom(field.getType())
                && field.isAnnotationPresent(RegisterExtension.class) && filter.test(field),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static MockPgExtension read(Field field, Object instance) {
        return (MockPgExtension) ReflectionSupport.tryToReadFieldValue(field, instance)
                .getOrThrow(e -> new ExtensionConfigurationException("mockpg: cannot read " + field, e));
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current != null && !isClassContext(current) && current.getTestClass().isPresent()) {
            current = current.getParent().orElse(null);
        }
        return current;
    }

    private static boolean isClassContext(ExtensionContext context) {
        return context.getElement().filter(Class.class::isInstance).isPresent();
    }
}
