package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.HaproxyProcess;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * A real HAProxy ends TLS in front of the node and says so in {@code X-Forwarded-Proto}, as the local cluster's and
 * the production configuration do. Over TLS the login cookie is {@code Secure} and the answer carries HSTS; over
 * plain HTTP (the demo, a node's own port) neither, since a browser would not keep a Secure cookie from an http page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsBehindBalancerIT extends NodeIntegrationTest {

    private static final String LOGIN = "{\"username\":\"student1\",\"password\":\"demo\"}";

    @TempDir
    static Path directory;

    private HaproxyProcess haproxy;
    private int tlsPort;
    private HttpClient trusting;

    @BeforeAll
    void startHaproxyWithTls() throws Exception {
        Path openssl = RequiredPrograms.require("openssl", "openssl", Path.of("/usr/bin"));
        Path key = directory.resolve("key.pem");
        Path certificate = directory.resolve("certificate.pem");
        Process made = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("openssl.log").toFile()).start();
        assertThat(made.waitFor(60, TimeUnit.SECONDS) && made.exitValue() == 0)
                .as(() -> "openssl: " + read(directory.resolve("openssl.log"))).isTrue();
        Path pem = Files.writeString(directory.resolve("haproxy.pem"),
                Files.readString(certificate) + Files.readString(key));
        tlsPort = FreePorts.next();
        haproxy = HaproxyProcess.start(directory, """
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s

                frontend students
                  bind 127.0.0.1:%d ssl crt %s
                  http-request set-header X-Forwarded-Proto https
                  default_backend nodes

                backend nodes
                  server node 127.0.0.1:%d
                """.formatted(tlsPort, pem, port));
        trusting = HttpClient.newBuilder().sslContext(trustingOnly(certificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopHaproxy() {
        if (haproxy != null) {
            haproxy.close();
        }
    }

    @Test
    void shouldSetTheLoginCookieSecureAndSendHstsWhenTheRequestCameOverTls() throws Exception {
        HttpResponse<String> login = trusting.send(login("https://127.0.0.1:" + tlsPort),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(cookieAttributes(login)).contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).startsWith("max-age="));
    }

    @Test
    void shouldSetTheLoginCookieWithoutSecureAndSendNoHstsWhenTheRequestCameOverPlainHttp() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(login("http://127.0.0.1:" + port),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(cookieAttributes(login)).contains("HttpOnly").doesNotContain("Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static HttpRequest login(String base) {
        return HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(LOGIN))
                .build();
    }

    /** The attributes of the login cookie, e.g. {@code [HttpOnly, Secure, SameSite=Strict, ...]}. */
    private static List<String> cookieAttributes(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(TokenCookieBearerTokenResolver.COOKIE_NAME + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no login cookie in " + response.headers()));
        return List.of(cookie.split(";\\s*"));
    }

    private static SSLContext trustingOnly(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("balancer", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
