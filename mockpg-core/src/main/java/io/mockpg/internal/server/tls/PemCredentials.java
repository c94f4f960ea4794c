package io.mockpg.internal.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a server's certificate chain and private key from PEM files, as PostgreSQL's
 * {@code ssl_cert_file} and {@code ssl_key_file}: certificates ("BEGIN CERTIFICATE", leaf
 * first) and an unencrypted key in PKCS#8 ("BEGIN PRIVATE KEY") or the traditional OpenSSL
 * form ("BEGIN RSA PRIVATE KEY", "BEGIN EC PRIVATE KEY").
 */
public final class PemCredentials {

    private PemCredentials() {
    }

    /**
     * @throws TlsSetupException naming the file when it cannot be read, holds no certificate or
     *                           key, holds an encrypted key, or the key does not fit the certificate
     */
    public static ServerCredentials read(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(certFile);
        PrivateKey key = readKey(keyFile);
        if (!keyFitsCertificate(key, chain.get(0))) {
            throw new TlsSetupException("TLS key " + keyFile + " does not belong to the certificate in " + certFile);
        }
        return new ServerCredentials(key, chain);
    }

    private static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try {
            for (Object object : pemObjects(file)) {
                if (object instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new TlsSetupException("TLS certificate file " + file + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException("TLS certificate file " + file + " holds no PEM certificate");
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            for (Object object : pemObjects(file)) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    throw new TlsSetupException("TLS key file " + file + " holds an encrypted key; use an unencrypted one");
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException("TLS key file " + file + ": " + e.getMessage(), e);
        }
        throw new TlsSetupException("TLS key file " + file + " holds no PEM private key");
    }

    private static List<Object> pemObjects(Path file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException("cannot read TLS file " + file + ": " + e.getMessage(), e);
        }
        return objects;
    }

    /** Signs a probe with the key and checks it with the certificate's public key. */
    private static boolean keyFitsCertificate(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // unusual key type: leave the check to the TLS handshake
        }
        try {
            byte[] probe = "mockpg key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
