package org.lectern.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One STOMP 1.2 session over the JDK's WebSocket client, as a browser holds it: CONNECT with the login token on the
 * handshake, SUBSCRIBE, SEND, heart-beats, DISCONNECT. Frames arriving are handed to one listener; sends are queued
 * behind each other because the JDK allows one outstanding send per socket.
 */
public final class StompSession {

    /** A received frame: command, headers, body. */
    public record Frame(String command, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What the session tells its owner. */
    public interface Listener {
        void onFrame(Frame frame);

        /** The connection ended without {@link #disconnect()} (network, node, broker). */
        void onLost(String reason);
    }

    private final Listener listener;
    private final AtomicInteger receipts = new AtomicInteger();
    private final Map<String, CompletableFuture<Void>> pendingReceipts = new java.util.concurrent.ConcurrentHashMap<>();
    private final CompletableFuture<Frame> connected = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean closing;
    private volatile long lastSentNanos = System.nanoTime();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private StompSession(Listener listener) {
        this.listener = listener;
    }

    /** Opens the WebSocket, sends CONNECT and completes when CONNECTED arrives. */
    public static CompletableFuture<StompSession> connect(HttpClient http, URI ws, String token, Duration heartBeat,
            Listener listener) {
        StompSession session = new StompSession(listener);
        long beat = heartBeat.toMillis();
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(15))
                .buildAsync(ws, session.new Receiver())
                .thenCompose(socket -> {
                    session.socket = socket;
                    session.send("CONNECT\naccept-version:1.2\nhost:" + ws.getHost() + "\nheart-beat:" + beat + ","
                            + beat + "\n\n\0");
                    return session.connected.orTimeout(15, java.util.concurrent.TimeUnit.SECONDS);
                })
                .thenApply(frame -> session);
    }

    public void subscribe(String id, String destination) {
        send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:auto\n\n\0");
    }

    /** Subscribes and completes once the server confirmed (its RECEIPT). */
    public CompletableFuture<Void> subscribeConfirmed(String id, String destination) {
        String receipt = "r-" + receipts.incrementAndGet();
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        pendingReceipts.put(receipt, confirmed);
        send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:auto\nreceipt:" + receipt + "\n\n\0");
        return confirmed.orTimeout(15, java.util.concurrent.TimeUnit.SECONDS);
    }

    public void sendJson(String destination, String json) {
        send("SEND\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:"
                + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\n\n" + json + "\0");
    }

    /** Sends an end-of-line heart-beat if nothing else went out within {@code interval}. */
    public void heartBeatIfIdle(Duration interval) {
        if (System.nanoTime() - lastSentNanos >= interval.toNanos() && isOpen()) {
            send("\n");
        }
    }

    public boolean isOpen() {
        WebSocket current = socket;
        return current != null && !current.isOutputClosed() && !current.isInputClosed();
    }

    /**
     * DISCONNECT with a receipt, then close once the receipt came (or after 5 s): the graceful end STOMP 1.2
     * describes, so the server forwards the DISCONNECT before the socket goes. The listener is not told.
     */
    public void disconnect() {
        closing = true;
        WebSocket current = socket;
        if (current == null) {
            return;
        }
        String receipt = "bye-" + receipts.incrementAndGet();
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        pendingReceipts.put(receipt, confirmed);
        send("DISCONNECT\nreceipt:" + receipt + "\n\n\0");
        confirmed.completeOnTimeout(null, 5, java.util.concurrent.TimeUnit.SECONDS)
                .handle((done, failed) -> null)
                .thenCompose(ignored -> current.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                .exceptionally(failed -> {
                    current.abort();
                    return null;
                });
    }

    /** Drops the connection at once (as a crashing client would). */
    public void abort() {
        closing = true;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private void send(String frame) {
        WebSocket current = socket;
        if (current == null) {
            return;
        }
        lastSentNanos = System.nanoTime();
        synchronized (this) {
            // One send at a time per socket; a failed one does not block the next (the receiver reports the loss).
            sending = sending.handle((done, failed) -> null).thenCompose(ignored -> current.sendText(frame, true));
        }
    }

    private void lost(String reason) {
        connected.completeExceptionally(new IllegalStateException("connection lost: " + reason));
        pendingReceipts.values().forEach(p -> p.completeExceptionally(new IllegalStateException(reason)));
        pendingReceipts.clear();
        if (!closing) {
            closing = true;
            listener.onLost(reason);
        }
    }

    static Frame parse(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++; // heart-beats before the frame
        }
        if (start == text.length()) {
            return null;
        }
        int headersEnd = text.indexOf("\n\n", start);
        if (headersEnd < 0) {
            headersEnd = text.length();
        }
        String[] lines = text.substring(start, headersEnd).split("\r?\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                // STOMP 1.2: the first of repeated headers counts.
                headers.putIfAbsent(lines[i].substring(0, colon), unescape(lines[i].substring(colon + 1)));
            }
        }
        String body = headersEnd + 2 <= text.length() ? text.substring(headersEnd + 2) : "";
        int nul = body.indexOf('\0');
        if (nul >= 0) {
            body = body.substring(0, nul);
        }
        return new Frame(lines[0], headers, body);
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        return value.replace("\\n", "\n").replace("\\c", ":").replace("\\r", "\r").replace("\\\\", "\\");
    }

    private final class Receiver implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(String.valueOf(error));
        }

        private void handle(String text) {
            Frame frame = parse(text);
            if (frame == null) {
                return;
            }
            switch (frame.command()) {
                case "CONNECTED" -> connected.complete(frame);
                case "RECEIPT" -> {
                    CompletableFuture<Void> pending = pendingReceipts.remove(frame.header("receipt-id"));
                    if (pending != null) {
                        pending.complete(null);
                    }
                }
                case "ERROR" -> {
                    connected.completeExceptionally(new IllegalStateException("STOMP ERROR: "
                            + frame.header("message")));
                    listener.onFrame(frame);
                }
                default -> listener.onFrame(frame);
            }
        }
    }
}
