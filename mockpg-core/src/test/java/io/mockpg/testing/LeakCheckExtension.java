package io.mockpg.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes a Netty buffer leak fail the build: registered for every test class (service loader
 * + autodetection), it records each leak Netty's detector reports (the build runs it at
 * paranoid level) and fails the class after which a leak was found.
 */
public final class LeakCheckExtension implements AfterAllCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Leaks are reported when the detector sees collected, unreleased buffers on later allocations.
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(8);
                probe.release();
            }
        }
        if (!LEAKS.isEmpty()) {
            List<String> found = new ArrayList<>(LEAKS);
            LEAKS.clear();
            throw new AssertionError("Netty buffer leak(s) detected after " + context.getDisplayName() + ":\n"
                    + String.join("\n", found));
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + records);
                    super.reportTracedLeak(resourceType, records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " (untraced)");
                    super.reportUntracedLeak(resourceType);
                }
            };
        }
    }
}
