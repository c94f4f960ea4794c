package io.mockpg.internal.server.tls;

import io.mockpg.internal.script.TlsConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * Builds the server's Netty {@link SslContext} from the script's {@code server.tls}. After
 * answering an SSLRequest with {@code S}, the protocol server puts
 * {@code context.newHandler(channel.alloc())} first in the channel's pipeline.
 */
public final class TlsContexts {

    /**
     * The ALPN protocol name PostgreSQL 17+ uses; libpq insists on it for direct SSL
     * ({@code sslnegotiation=direct}). Clients that offer no ALPN are served as well.
     */
    public static final String ALPN_POSTGRESQL = "postgresql";

    private TlsContexts() {
    }

    /**
     * The server context for {@code config}, or null when TLS is off (or {@code config} is
     * null). Relative file names are resolved against the working directory.
     *
     * @throws TlsSetupException when the certificate or key cannot be used
     */
    public static SslContext forConfig(TlsConfig config) {
        if (config == null) {
            return null;
        }
        return switch (config.mode()) {
            case OFF -> null;
            case SELF_SIGNED -> forCredentials(SelfSignedCertificates.shared());
            case FILES -> forCredentials(PemCredentials.read(requireFile(config.certFile(), "cert"),
                    requireFile(config.keyFile(), "key")));
        };
    }

    /** A server context presenting {@code credentials}, using the JDK's TLS implementation. */
    public static SslContext forCredentials(ServerCredentials credentials) {
        try {
            return SslContextBuilder
                    .forServer(credentials.key(), credentials.chain().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .clientAuth(ClientAuth.NONE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                            SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                            ALPN_POSTGRESQL))
                    .build();
        } catch (SSLException e) {
            throw new TlsSetupException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static Path requireFile(String file, String what) {
        if (file == null || file.isBlank()) {
            throw new TlsSetupException("server.tls needs both cert and key files; " + what + " is missing");
        }
        return Path.of(file);
    }
}
