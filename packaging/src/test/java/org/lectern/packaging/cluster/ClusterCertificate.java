package org.lectern.packaging.cluster;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What a client of a local cluster in a test trusts: the cluster's own certificate, and nothing else. */
final class ClusterCertificate {

    private ClusterCertificate() {
    }

    static Certificate of(ClusterLayout layout) throws Exception {
        try (InputStream in = Files.newInputStream(layout.certificate())) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** An HTTP (and WebSocket) client that trusts only the cluster's certificate. */
    static HttpClient trustingClient(ClusterLayout layout) throws Exception {
        return HttpClient.newBuilder().sslContext(trusting(layout)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** TLS that trusts only the cluster's certificate. */
    static SSLContext trusting(ClusterLayout layout) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("cluster", of(layout));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
