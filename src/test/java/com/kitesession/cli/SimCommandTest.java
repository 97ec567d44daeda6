package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.sim.ClockSkew;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SimCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private Map<String, String> printed() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : outBytes.toString(StandardCharsets.UTF_8).split("\\R")) {
            String[] kv = line.split(": ", 2);
            assertEquals(2, kv.length, line);
            lines.put(kv[0], kv[1]);
        }
        return lines;
    }

    @Test
    void printsAllSevenLines() throws Exception {
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[0], out)) {
            DemoAccount a = DemoAccount.standard();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("base-url", "http://127.0.0.1:" + sim.port());
            expected.put("api-key", a.apiKey());
            expected.put("api-secret", a.apiSecret());
            expected.put("redirect-url", a.redirectUrl());
            expected.put("user-id", a.userId());
            expected.put("password", a.password());
            expected.put("totp-secret", a.totpSecretBase32());
            assertEquals(expected, printed());
            assertEquals(String.join(",", expected.keySet()), String.join(",", printed().keySet()), "order");
        }
    }

    @Test
    void nowSetsTheClockAndItTicks() throws Exception {
        Instant now = Instant.parse("2026-11-23T04:30:00Z");
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"--now", now.toString()}, out)) {
            Instant simNow = sim.clock().instant();
            assertFalse(simNow.isBefore(now));
            assertTrue(Duration.between(now, simNow).toMillis() < 5000, simNow.toString());
            Thread.sleep(20);
            assertTrue(sim.clock().instant().isAfter(simNow));
        }
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"sim", "--now", "2026-11-23T10:00:00+05:30"}, out)) {
            assertTrue(Duration.between(now, sim.clock().instant()).toMillis() < 5000);
        }
    }

    @Test
    void portIsHonoured() throws Exception {
        int free;
        try (var s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"--port", String.valueOf(free)}, out)) {
            assertEquals(free, sim.port());
            assertEquals("http://127.0.0.1:" + free, printed().get("base-url"));
        }
    }

    @Test
    void badArgumentsReturn2WithMessage() {
        String[][] bad = {{"--port"}, {"--port", "x"}, {"--port", "70000"}, {"--now", "yesterday"}, {"--frobnicate"}};
        for (String[] args : bad) {
            errBytes.reset();
            assertEquals(2, SimCommand.run(args, out, err), String.join(" ", args));
            String msg = errBytes.toString(StandardCharsets.UTF_8);
            assertTrue(msg.contains("usage: sim"), msg);
            assertFalse(msg.contains("Exception"), msg);
        }
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> SimCommand.startFromArgs(new String[] {"--now"}, out));
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, SimCommand.run(new String[] {"--help"}, out, err));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).startsWith("usage: sim"));
    }

    @Test
    void badSkewReturns2WithMessage() {
        String[][] bad = {{"--skew"}, {"--skew", "45"}, {"--skew", "4.5s"}, {"--skew", "soon"}, {"--skew", "45 s"},
            {"--skew", "-s"}, {"--skew", "45d"}, {"--skew", "PT45S"}, {"--skew", "9999999s"}};
        for (String[] args : bad) {
            errBytes.reset();
            assertEquals(2, SimCommand.run(args, out, err), String.join(" ", args));
            String msg = errBytes.toString(StandardCharsets.UTF_8);
            assertTrue(msg.contains("--skew") && msg.contains("usage: sim"), msg);
            assertFalse(msg.contains("Exception"), msg);
        }
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loginPagePicksTheStyle() throws Exception {
        for (String style : new String[] {"spa", "spa-userid", "classic", "renamed"}) {
            outBytes.reset();
            try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"sim", "--login-page", style}, out)) {
                assertEquals(style, printed().get("login-page"));
                String page = get(sim, "/connect/login?v=3&api_key=" + sim.account().apiKey());
                assertEquals(style.equals("classic"), page.contains("<form method=\"post\""), style);
                assertEquals(style.startsWith("spa"), page.contains("<form class=\"login-form\">"), style);
                assertEquals(style.equals("spa-userid"), page.contains("<input type=\"number\" id=\"userid\""), style);
                assertEquals(style.equals("renamed"), page.contains("<form class=\"signin\">"), style);
            }
        }
        outBytes.reset();
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[0], out)) {
            assertNull(printed().get("login-page"));
            assertTrue(get(sim, "/connect/login?v=3&api_key=" + sim.account().apiKey()).contains("<form class=\"login-form\">"), "Kite's single-page login by default");
        }
    }

    @Test
    void badLoginPageReturns2NamingTheChoices() {
        for (String[] args : new String[][] {{"--login-page"}, {"--login-page", "SPA"}, {"--login-page", "react"}}) {
            errBytes.reset();
            assertEquals(2, SimCommand.run(args, out, err), String.join(" ", args));
            String msg = errBytes.toString(StandardCharsets.UTF_8);
            assertTrue(msg.contains("--login-page") && msg.contains("usage: sim"), msg);
            if (args.length == 2) assertTrue(msg.contains("must be one of spa, spa-userid, classic, renamed, not " + args[1]), msg);
            assertFalse(msg.contains("Exception"), msg);
        }
        assertTrue(SimCommand.USAGE.contains("--login-page spa|spa-userid|classic|renamed"));
    }

    private static String get(KiteSimulator sim, String pathAndQuery) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl() + pathAndQuery).build()).execute()) {
            assertEquals(200, r.code());
            return r.body().string();
        }
    }

    /** The Date header a plain client sees, as an instant. */
    private static Instant dateHeader(KiteSimulator sim) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl() + "/user/profile").build()).execute()) {
            assertEquals(403, r.code(), "no token: refused, but dated");
            Date date = r.headers().getDate("Date");
            assertNotNull(date, String.valueOf(r.header("Date")));
            return date.toInstant();
        }
    }

    @Test
    void skewedSimulatorDatesItsRepliesByItsOwnClock() throws Exception {
        for (String skew : new String[] {"45s", "-45s", "0s"}) {
            outBytes.reset();
            try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"sim", "--skew", skew}, out)) {
                assertEquals(skew, printed().get("skew"));
                Instant expected = Instant.now().plus(ClockSkew.parse(skew));
                Duration off = Duration.between(expected, dateHeader(sim));
                assertTrue(off.abs().compareTo(Duration.ofSeconds(2)) <= 0, skew + ": off by " + off);
            }
        }
    }

    @Test
    void skewAddsToNow() throws Exception {
        Instant now = Instant.parse("2026-11-23T04:30:00Z");
        try (KiteSimulator sim = SimCommand.startFromArgs(new String[] {"--skew", "-45s", "--now", now.toString()}, out)) {
            assertEquals("-45s", printed().get("skew"));
            Duration off = Duration.between(now.minusSeconds(45), dateHeader(sim));
            assertTrue(!off.isNegative() && off.compareTo(Duration.ofSeconds(5)) < 0, off.toString());
        }
    }
}
