package org.lectern.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom the benchmark trusts over https: the certificate given with {@code --ca}, else the local cluster's own
 * (which {@code ./lectern cluster up} makes) when the URL is that cluster's balancer, else the JDK's authorities.
 */
final class Tls {

    private Tls() {
    }

    /** The context for {@code options}, or empty for the JDK's default trust. */
    static Optional<SSLContext> context(BenchOptions options) {
        if (!"https".equals(options.url().getScheme())) {
            return Optional.empty();
        }
        Optional<Path> ca = Optional.ofNullable(options.ca()).or(() -> LocalClusterState.read(Drill.home())
                .filter(cluster -> cluster.frontUrl().equals(options.url()))
                .map(LocalClusterState::caFile));
        return ca.map(Tls::trusting);
    }

    /** Trusts exactly the certificates in this PEM file. */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + pem + " (" + e.getMessage() + ")", e);
        }
    }
}
