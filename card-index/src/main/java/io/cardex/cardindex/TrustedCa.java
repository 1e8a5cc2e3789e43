package io.cardex.cardindex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The certificate authority a deployment's Elasticsearch certificate is signed by, read from a PEM file. */
final class TrustedCa {

    private TrustedCa() {
    }

    /**
     * A TLS context that trusts the certificates the CA of {@code pem} signed, and no other.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate, saying what to give
     */
    static SSLContext sslContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(notUsable(pem, "it holds no certificate"));
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException(notUsable(pem, "cannot be read: " + e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(notUsable(pem, "not a PEM certificate: " + e.getMessage()), e);
        }
    }

    private static String notUsable(Path pem, String why) {
        return "the Elasticsearch CA certificate " + pem + " (--elasticsearch-ca, CARDEX_ELASTICSEARCH_CA) " + why
                + ": give the PEM file of the CA that signed Elasticsearch's certificate";
    }
}
