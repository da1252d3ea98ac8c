package org.lectern.console.balancer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads HAProxy's stats page as CSV ({@code ;csv}) over HTTP(S) with the console's OkHttp client (with timeouts),
 * with the stats user's password when one is given. Over HTTPS it trusts the system's certificates, or only those
 * in {@code --trust-certificate} (a cluster's own, self-signed one), read on the first call, off the FX thread.
 */
public final class HaproxyStats {

    private final OkHttpClient http;
    private final Optional<Path> trustedCertificates;
    private OkHttpClient client;

    public HaproxyStats(OkHttpClient http, Optional<Path> trustedCertificates) {
        this.http = http;
        this.trustedCertificates = trustedCertificates;
    }

    /** The client every HTTP call of the console uses: two seconds to connect, five for the whole call. */
    public static OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * @param statsAddress {@code host:port} (stats page at {@code /}) or a full {@code http(s)://…} stats URI
     * @param user         the stats page's user; blank sends no credentials
     * @throws IOException when the page cannot be read
     */
    public List<BalancerServer> read(String statsAddress, String user, String password) throws IOException {
        String url = statsAddress.startsWith("http") ? statsAddress : "http://" + statsAddress + "/";
        Request.Builder request = new Request.Builder().url(url + ";csv");
        if (user != null && !user.isBlank()) {
            request.header("Authorization", Credentials.basic(user, password == null ? "" : password));
        }
        try (Response response = client().newCall(request.build()).execute()) {
            if (response.code() == 401) {
                throw new IOException("HAProxy stats at " + url + " refused "
                        + (user == null || user.isBlank() ? "without a user" : "user " + user)
                        + ": type the stats user and password in the Load balancer view");
            }
            if (!response.isSuccessful()) {
                throw new IOException("HAProxy stats at " + url + " answered " + response.code());
            }
            return parse(response.body().string());
        }
    }

    private synchronized OkHttpClient client() throws IOException {
        if (client == null) {
            client = trustedCertificates.isEmpty() ? http : trusting(trustedCertificates.get());
        }
        return client;
    }

    /** The shared client (same pool and dispatcher), trusting only the certificates in {@code file}. */
    private OkHttpClient trusting(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the certificate file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("trusted-" + index++, certificate);
            }
            if (index == 0) {
                throw new IOException("no certificate in " + file);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return http.newBuilder().sslSocketFactory(context.getSocketFactory(), trust).build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the certificates in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * HAProxy's CSV starts with {@code # } before the column names and ends every line with a comma, which
     * gives a last column without a name.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .get();

    /** The server lines of the CSV (frontends and backends left out). */
    static List<BalancerServer> parse(String csv) {
        if (!csv.startsWith("# ")) {
            throw new IllegalArgumentException("Not HAProxy's stats CSV");
        }
        List<BalancerServer> servers = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv.substring(2), FORMAT)) {
            for (CSVRecord record : parser) {
                if (!record.isSet("pxname") || !record.isSet("svname") || !record.isSet("status")
                        || !record.isSet("weight")) {
                    continue;
                }
                String name = record.get("svname");
                if (name.equals("FRONTEND") || name.equals("BACKEND")) {
                    continue;
                }
                String weight = record.get("weight");
                servers.add(new BalancerServer(record.get("pxname"), name, record.get("status"),
                        weight.isEmpty() ? 0 : Integer.parseInt(weight)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Not HAProxy's stats CSV: " + e.getMessage(), e);
        }
        return servers;
    }
}
