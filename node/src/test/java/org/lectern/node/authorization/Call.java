package org.lectern.node.authorization;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One HTTP request of the access matrix, made the same for every caller. {@code freshLogin} asks for a token of
 * its own (logging out revokes the token it carries, which the other cases still need).
 */
record Call(String method, String path, byte[] body, String contentType, Map<String, String> headers,
        boolean freshLogin) {

    static Call get(String path) {
        return new Call("GET", path, null, null, Map.of(), false);
    }

    static Call delete(String path) {
        return new Call("DELETE", path, null, null, Map.of(), false);
    }

    static Call post(String path, String json) {
        return new Call("POST", path, utf8(json), "application/json", Map.of(), false);
    }

    static Call put(String path, String json) {
        return new Call("PUT", path, utf8(json), "application/json", Map.of(), false);
    }

    static Call csv(String path, String csv) {
        return new Call("POST", path, utf8(csv), "text/csv", Map.of(), false);
    }

    /** A multipart upload with one part named {@code file}. */
    static Call upload(String path, String fileName, String content) {
        String boundary = "----lectern-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return new Call("POST", path, utf8(body), "multipart/form-data; boundary=" + boundary, Map.of(), false);
    }

    /** The same call with a new {@code Idempotency-Key}, as every save carries one. */
    Call withIdempotencyKey() {
        Map<String, String> withKey = new LinkedHashMap<>(headers);
        withKey.put("Idempotency-Key", UUID.randomUUID().toString());
        return new Call(method, path, body, contentType, withKey, freshLogin);
    }

    Call withFreshLogin() {
        return new Call(method, path, body, contentType, headers, true);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
