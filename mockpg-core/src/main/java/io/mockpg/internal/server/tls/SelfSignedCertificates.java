package io.mockpg.internal.server.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed server certificates for {@code tls: self-signed}: RSA 2048, SHA-256,
 * CN=localhost, subject alternative names localhost, 127.0.0.1 and ::1, valid for a year.
 * Clients must not verify the certificate ({@code sslmode=require} does not).
 */
public final class SelfSignedCertificates {

    private static final Duration VALIDITY = Duration.ofDays(365);
    // tolerate clocks of client and server a little apart
    private static final Duration BACKDATE = Duration.ofDays(1);

    private SelfSignedCertificates() {
    }

    /**
     * One certificate per JVM, made on first use: generating an RSA key takes long enough to
     * matter when many test servers start.
     */
    public static ServerCredentials shared() {
        return Shared.CREDENTIALS;
    }

    /** A fresh key pair and certificate. */
    public static ServerCredentials generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair keyPair = generator.generateKeyPair();

            X500Name name = new X500Name("CN=localhost");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)), name, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));

            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
            return new ServerCredentials(keyPair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new TlsSetupException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static final class Shared {
        static final ServerCredentials CREDENTIALS = generate();
    }
}
