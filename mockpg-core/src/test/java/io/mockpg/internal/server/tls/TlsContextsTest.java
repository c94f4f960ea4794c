package io.mockpg.internal.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.TlsConfig;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {

    // RSA key generation is slow; two pairs serve every test
    private static final KeyPair KEYS = rsaKeyPair();
    private static final KeyPair OTHER_KEYS = rsaKeyPair();

    @TempDir
    Path dir;

    @Test
    void offMeansNoContext() {
        assertNull(TlsContexts.forConfig(TlsConfig.OFF));
        assertNull(TlsContexts.forConfig(null));
    }

    @Test
    void selfSignedCertificateNamesLocalhostAndLastsAYear() throws Exception {
        X509Certificate certificate = SelfSignedCertificates.shared().certificate();
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        long days = Duration.between(Instant.now(), certificate.getNotAfter().toInstant()).toDays();
        assertTrue(days >= 363 && days <= 365, "days left: " + days);
        certificate.checkValidity();
    }

    @Test
    void selfSignedContextCompletesAHandshake() throws Exception {
        SslContext context = TlsContexts.forConfig(TlsConfig.SELF_SIGNED);
        try (TlsTestServer server = new TlsTestServer(context);
             SSLSocket socket = connect(server.port(), null)) {
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertEquals("CN=localhost", peer.getSubjectX500Principal().getName());
            assertEquals("ping", echo(socket, "ping"));
        }
    }

    @Test
    void selectsThePostgresqlAlpnProtocolWhenOffered() throws Exception {
        try (TlsTestServer server = new TlsTestServer(TlsContexts.forConfig(TlsConfig.SELF_SIGNED));
             SSLSocket socket = connect(server.port(), new String[] {"postgresql"})) {
            assertEquals("postgresql", socket.getApplicationProtocol());
            assertEquals("alpn", echo(socket, "alpn"));
        }
    }

    @Test
    void pkcs8PemFilesCompleteAHandshake() throws Exception {
        KeyPair keyPair = KEYS;
        Path cert = writePem("server.crt", certificate("CN=db.example.test", keyPair));
        Path key = writePem("server.key", new JcaPKCS8Generator(keyPair.getPrivate(), null));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));

        SslContext context = TlsContexts.forConfig(new TlsConfig(TlsConfig.Mode.FILES, cert.toString(), key.toString()));
        try (TlsTestServer server = new TlsTestServer(context);
             SSLSocket socket = connect(server.port(), null)) {
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertEquals("CN=db.example.test", peer.getSubjectX500Principal().getName());
            assertEquals("files", echo(socket, "files"));
        }
    }

    @Test
    void pkcs1RsaKeyIsAccepted() throws Exception {
        KeyPair keyPair = KEYS;
        Path cert = writePem("server.crt", certificate("CN=pkcs1.example.test", keyPair));
        Path key = writePem("server.key", keyPair.getPrivate());
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        ServerCredentials credentials = PemCredentials.read(cert, key);
        try (TlsTestServer server = new TlsTestServer(TlsContexts.forCredentials(credentials));
             SSLSocket socket = connect(server.port(), null)) {
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertEquals("CN=pkcs1.example.test", peer.getSubjectX500Principal().getName());
        }
    }

    @Test
    void unusableFilesAreReportedByName() throws Exception {
        KeyPair keyPair = KEYS;
        Path cert = writePem("server.crt", certificate("CN=a", keyPair));
        Path otherKey = writePem("other.key", new JcaPKCS8Generator(OTHER_KEYS.getPrivate(), null));
        Path missing = dir.resolve("missing.key");

        assertMessageContains(() -> PemCredentials.read(cert, otherKey), "does not belong");
        assertMessageContains(() -> PemCredentials.read(cert, missing), "missing.key");
        assertMessageContains(() -> PemCredentials.read(cert, cert), "holds no PEM private key");
        assertMessageContains(() -> PemCredentials.read(otherKey, otherKey), "holds no PEM certificate");
        assertMessageContains(() -> TlsContexts.forConfig(new TlsConfig(TlsConfig.Mode.FILES, cert.toString(), null)),
                "key is missing");
    }

    private static void assertMessageContains(Runnable action, String text) {
        TlsSetupException e = assertThrows(TlsSetupException.class, action::run);
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    private Path writePem(String name, Object object) throws IOException {
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
        return file;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair keyPair) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name, keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }

    /** A client that trusts any certificate, as with {@code sslmode=require}. */
    private static SSLSocket connect(int port, String[] alpn) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        if (alpn != null) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }

    private static String echo(SSLSocket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(text.length()), StandardCharsets.US_ASCII);
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
