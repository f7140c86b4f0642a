package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parley.spi.StorageProvider;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A backend's one subclass of {@link StorageConformanceTest}, written as the file store's is (a
 * {@code @TempDir} field, no other code), runs every repository contract: the {@code @Nested}
 * classes the abstract suite declares are found for the subclass, and see its injected fields.
 */
class StorageSuiteDiscoveryTest {

    /** Shaped like {@code FileStorageConformanceTest}; not run by itself (surefire skips nested classes). */
    static class TempDirSuite extends StorageConformanceTest {
        @TempDir
        Path dir;

        private final InMemoryStorageTest.Provider provider = new InMemoryStorageTest.Provider();

        @Override
        protected StorageProvider provider() {
            return provider;
        }

        @Override
        protected String location() {
            return "memory:" + Objects.requireNonNull(dir, "the @TempDir field was not injected").resolve("data");
        }
    }

    @Test
    void aSubclassRunsEveryRepositoryContract() {
        Map<String, List<String>> succeeded = new ConcurrentHashMap<>();
        List<String> failed = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getSource().orElse(null) instanceof MethodSource source) {
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                        succeeded.computeIfAbsent(source.getClassName(), c -> new ArrayList<>()).add(source.getMethodName());
                    } else {
                        failed.add(source.getClassName() + "." + source.getMethodName() + ": " + result);
                    }
                }
            }
        };
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TempDirSuite.class)).build(), listener);

        assertThat(failed).isEmpty();
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> ran = new TreeMap<>();
        for (Class<?> nested : StorageConformanceTest.class.getDeclaredClasses()) {
            if (nested.isAnnotationPresent(Nested.class)) {
                expected.put(nested.getName(), testMethods(nested.getSuperclass()));
                ran.put(nested.getName(), succeeded.getOrDefault(nested.getName(), List.of()).size());
            }
        }
        assertThat(expected).hasSize(6).allSatisfy((name, count) -> assertThat(count).as(name).isPositive());
        assertThat(ran).isEqualTo(expected);
        assertThat(succeeded.get(TempDirSuite.class.getName())).hasSize(testMethods(StorageConformanceTest.class));
    }

    private static int testMethods(Class<?> contract) {
        Method[] methods = contract.getDeclaredMethods();
        return (int) Arrays.stream(methods).filter(m -> m.isAnnotationPresent(Test.class)).count();
    }
}
