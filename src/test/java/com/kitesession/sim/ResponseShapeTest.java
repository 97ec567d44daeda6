package com.kitesession.sim;

import com.kitesession.testing.SimClient;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's bodies have the keys, nesting and types of Zerodha's own mock responses. */
class ResponseShapeTest {
    private final KiteSimulator sim = LoginEndpointsTest.start(SimulatorConfig.builder().clock(SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"))));
    private final SimClient client = new SimClient(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void generateSessionMatchesFixture() {
        var r = client.exchange(sim.account(), client.requestToken(sim.account()));
        assertSameShape("generate_session.json", r.body());
    }

    @Test
    void profileMatchesFixture() {
        var r = client.profile(sim.account().apiKey(), client.accessToken(sim.account()));
        assertSameShape("profile.json", r.body());
    }

    @Test
    void logoutMatchesFixture() {
        var r = client.logout(sim.account().apiKey(), client.accessToken(sim.account()));
        assertSameShape("session_logout.json", r.body());
    }

    @Test
    void aHeadGetsTheDateAndNoBodyAndLeavesNoWarningInTheLog() throws Exception {
        Logger server = Logger.getLogger("com.sun.net.httpserver");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler listener = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        server.addHandler(listener);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.headers().firstValue("Date").isPresent(), r.headers().toString());
            assertEquals("", r.body());
        } finally {
            server.removeHandler(listener);
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void comparatorNoticesDifferences() {
        assertFalse(differences(parse("{\"a\":1}"), parse("{\"a\":\"1\"}"), "$").isEmpty());
        assertFalse(differences(parse("{\"a\":1}"), parse("{\"a\":1,\"b\":2}"), "$").isEmpty());
        assertFalse(differences(parse("{\"a\":{\"b\":1}}"), parse("{\"a\":{\"c\":1}}"), "$").isEmpty());
        assertFalse(differences(parse("{\"a\":[\"x\"]}"), parse("{\"a\":[1]}"), "$").isEmpty());
        assertTrue(differences(parse("{\"a\":null}"), parse("{\"a\":\"pic\"}"), "$").isEmpty());
    }

    private static void assertSameShape(String fixture, String actual) {
        List<String> diffs = differences(parse(Fixtures.read(fixture)), parse(actual), "$");
        assertTrue(diffs.isEmpty(), fixture + ": " + diffs + "\n" + actual);
    }

    private static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }

    /**
     * Where the two differ in keys, nesting or types. Null matches any type on either side:
     * avatar_url is a string in one mock and null in another (Kite: "may be null").
     */
    static List<String> differences(JsonElement expected, JsonElement actual, String path) {
        List<String> out = new ArrayList<>();
        if (expected.isJsonNull() || actual.isJsonNull()) return out;
        if (expected.isJsonObject() && actual.isJsonObject()) {
            JsonObject e = expected.getAsJsonObject();
            JsonObject a = actual.getAsJsonObject();
            if (!e.keySet().equals(a.keySet())) out.add(path + " keys " + e.keySet() + " vs " + a.keySet());
            for (String k : e.keySet()) if (a.has(k)) out.addAll(differences(e.get(k), a.get(k), path + "." + k));
        } else if (expected.isJsonArray() && actual.isJsonArray()) {
            JsonArray e = expected.getAsJsonArray();
            JsonArray a = actual.getAsJsonArray();
            if (e.isEmpty() != a.isEmpty()) out.add(path + " empty vs non-empty array");
            for (int i = 0; i < Math.min(1, Math.min(e.size(), a.size())); i++) out.addAll(differences(e.get(0), a.get(0), path + "[0]"));
        } else if (expected.isJsonPrimitive() && actual.isJsonPrimitive()) {
            if (kind(expected) != kind(actual)) out.add(path + " " + kind(expected) + " vs " + kind(actual));
        } else {
            out.add(path + " " + expected.getClass().getSimpleName() + " vs " + actual.getClass().getSimpleName());
        }
        return out;
    }

    private static char kind(JsonElement p) {
        var prim = p.getAsJsonPrimitive();
        return prim.isBoolean() ? 'b' : prim.isNumber() ? 'n' : 's';
    }
}
