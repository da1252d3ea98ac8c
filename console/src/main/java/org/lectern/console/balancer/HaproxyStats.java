package org.lectern.console.balancer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads HAProxy's stats page as CSV ({@code ;csv}) over HTTP with the console's OkHttp client (with timeouts). */
public final class HaproxyStats {

    private final OkHttpClient http;

    public HaproxyStats(OkHttpClient http) {
        this.http = http;
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

    /** The server lines of the CSV (frontends and backends left out). */
    static List<BalancerServer> parse(String csv) {
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IllegalArgumentException("Not HAProxy's stats CSV");
        }
        List<String> header = Arrays.asList(lines[0].substring(2).split(","));
        int backend = header.indexOf("pxname");
        int server = header.indexOf("svname");
        int status = header.indexOf("status");
        int weight = header.indexOf("weight");
        List<BalancerServer> servers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            if (fields.length <= Math.max(Math.max(backend, server), Math.max(status, weight))) {
                continue;
            }
            String name = fields[server];
            if (name.equals("FRONTEND") || name.equals("BACKEND")) {
                continue;
            }
            int applied = fields[weight].isEmpty() ? 0 : Integer.parseInt(fields[weight]);
            servers.add(new BalancerServer(fields[backend], name, fields[status], applied));
        }
        return servers;
    }
}
