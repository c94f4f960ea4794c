package io.mockpg.internal.check;

/** The probe over the upstream client (the one {@code mockpg record} uses): URL, startup, authentication, TLS. */
public final class UpstreamProbes {
    private UpstreamProbes() {
    }

    public static SchemaProbe open(String url) {
        throw new IllegalStateException("the upstream client is not available yet");
    }
}
