package org.lectern.console.balancer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads HAProxy's stats page as CSV ({@code ;csv}) over HTTP with the console's OkHttp client (with timeouts). */
public final class HaproxyStats {

    private final OkHttpClient http;

    public HaproxyStats(OkHttpClient http) {
        this.http = http;
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
     * @param statsAddress {@code host:port} (stats page at {@code /}) or a full {@code http://…} stats URI
     * @throws IOException when the page cannot be read
     */
    public List<BalancerServer> read(String statsAddress) throws IOException {
        String url = statsAddress.startsWith("http") ? statsAddress : "http://" + statsAddress + "/";
        try (Response response = http.newCall(new Request.Builder().url(url + ";csv").build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HAProxy stats at " + url + " answered " + response.code());
            }
            return parse(response.body().string());
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
