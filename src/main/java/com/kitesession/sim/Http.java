package com.kitesession.sim;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few HTTP chores the handlers share: parameters, cookies, and replies with a Content-Type always set. */
final class Http {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    private static final Gson GSON = new GsonBuilder().serializeNulls().create(); // Kite sends "data": null

    private Http() {}

    /** Decoded pairs of a query string, in order; the first of repeated names wins. */
    static Map<String, String> parse(String queryString) {
        Map<String, String> out = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) return out;
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    static Map<String, String> query(HttpExchange ex) {
        return parse(ex.getRequestURI().getRawQuery());
    }

    /** An application/x-www-form-urlencoded body. */
    static Map<String, String> form(HttpExchange ex) throws IOException {
        return parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    static String cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) return kv[1];
            }
        }
        return null;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return s;
        }
    }

    static void html(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, HTML, body);
    }

    /** A 302 that still carries a small HTML body and a Content-Type (a WebView cancels replies without one). */
    static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        html(ex, 302, LoginPages.redirecting(location));
    }

    static void json(HttpExchange ex, int status, JsonElement body) throws IOException {
        send(ex, status, JSON, GSON.toJson(body));
    }

    static void success(HttpExchange ex, JsonElement data) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("status", "success");
        body.add("data", data);
        json(ex, 200, body);
    }

    static void error(HttpExchange ex, ApiError e) throws IOException {
        json(ex, e.status, envelope(e));
    }

    /** Kite's error envelope: {"status":"error","message":...,"error_type":...,"data":null}. */
    private static JsonObject envelope(ApiError e) {
        JsonObject body = new JsonObject();
        body.addProperty("status", "error");
        body.addProperty("message", e.getMessage());
        body.addProperty("error_type", e.errorType);
        body.add("data", JsonNull.INSTANCE);
        return body;
    }

    /**
     * A whole HTTP/1.1 response carrying the envelope, closing the connection: for the simulator's
     * front, which answers a request it will not pass on (too large, too slow) without the server.
     */
    static byte[] errorResponse(ApiError e, String date) {
        byte[] body = GSON.toJson(envelope(e)).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + e.status + " " + e.getMessage() + "\r\nDate: " + date + "\r\nContent-Type: " + JSON
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] head8859 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = Arrays.copyOf(head8859, head8859.length + body.length);
        System.arraycopy(body, 0, response, head8859.length, body.length);
        return response;
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        // A HEAD (the app's clock ping) gets the status and headers only. Given a length, the JDK's
        // server drops the body anyway and logs a warning into the app's log on every start.
        boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) out.write(bytes);
        }
    }
}
