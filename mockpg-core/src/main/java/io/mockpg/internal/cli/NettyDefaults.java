package io.mockpg.internal.cli;

import java.util.Properties;

/**
 * The standalone server's Netty defaults. Netty samples one buffer allocation in 128 for leak
 * tracking by default and records a stack trace for each sample, a cost every answer pays under
 * load; the server's own tests run the detector at paranoid instead. A value given with
 * {@code -Dio.netty.leakDetection.level} wins. The library itself sets nothing.
 */
final class NettyDefaults {
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";
    /** The older name Netty still reads. */
    static final String LEAK_DETECTION_LEGACY = "io.netty.leakDetectionLevel";

    private NettyDefaults() {
    }

    /** @param properties the system properties, before Netty's first class is initialized */
    static void apply(Properties properties) {
        if (properties.getProperty(LEAK_DETECTION) == null && properties.getProperty(LEAK_DETECTION_LEGACY) == null) {
            properties.setProperty(LEAK_DETECTION, "disabled");
        }
    }
}
