package com.kitesession.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measured, from its marks (name, System.nanoTime) and memory readings. Every
 * duration is the gap between two marks, in milliseconds; see bench/README.md for the marks.
 */
final class Metrics {
    /** A measured quantity: its key in the JSON, its words in the table, its unit. */
    record Metric(String key, String label, String unit, String group) {}

    static final String COLD = "cold start";
    static final String CLICK = "click-to-token";
    static final String MEMORY = "memory";

    static final List<Metric> ALL = List.of(
            new Metric("coldStartMs", "Cold start: process start to window interactive", "ms", COLD),
            new Metric("firstFrameMs", "process start to the window's first frame", "ms", COLD),
            new Metric("jvmBootMs", "JVM start (process start to main)", "ms", COLD),
            new Metric("fxToolkitMs", "JavaFX toolkit start (main to Application.start)", "ms", COLD),
            new Metric("settingsMs", "settings and secret store: what is left to wait for (begun in main, off the FX thread)", "ms", COLD),
            new Metric("windowBuildMs", "building the main window", "ms", COLD),
            new Metric("showMs", "stage.show()", "ms", COLD),
            new Metric("firstPulseMs", "first frame after show", "ms", COLD),
            new Metric("demoReadyMs", "demo ready: simulator up, profile selected, Login enabled", "ms", COLD),
            new Metric("toInteractiveMs", "next frame with Login enabled", "ms", COLD),
            new Metric("warmUpLibraryMs", "after start: WebKit library loaded in the background (from process start)", "ms", COLD),
            new Metric("warmUpFxMs", "after start: FX thread busy making the WebView (window frozen meanwhile)", "ms", COLD),
            new Metric("warmUpDoneMs", "after start: WebView warm (from process start)", "ms", COLD),
            new Metric("coldStartCpuMs", "CPU time of the process to interactive (all threads)", "ms", COLD),

            new Metric("clickToTokenMs", "Click-to-token: Login click to token view shown", "ms", CLICK),
            new Metric("loginPrepMs", "app: read secrets, start the login (click to page requested)", "ms", CLICK),
            new Metric("loginPageMs", "page load: Kite login page (user id, password)", "ms", CLICK),
            new Metric("autofillCredentialsMs", "autofill: user id and password", "ms", CLICK),
            new Metric("personConfirmMs", "person: the confirm click (machine speed)", "ms", CLICK),
            new Metric("twofaPageMs", "page load: password POST to the 2FA page", "ms", CLICK),
            new Metric("autofillTwofaMs", "autofill: the 2FA code (the page submits itself)", "ms", CLICK),
            new Metric("redirectMs", "page load: 2FA POST, finish, redirect caught", "ms", CLICK),
            new Metric("spaTwofaAndRedirectMs", "single-page login: password XHR, 2FA field shown and filled (page watch),"
                    + " 2FA XHR, finish, redirect caught", "ms", CLICK),
            new Metric("exchangeHandoffMs", "app: redirect to the exchange thread", "ms", CLICK),
            new Metric("exchangeMs", "exchange call: POST /session/token (first in this JVM)", "ms", CLICK),
            new Metric("uiUpdateMs", "UI update: answer to token view on screen", "ms", CLICK),
            new Metric("clickToTokenCpuMs", "CPU time of the process, click to token (all threads)", "ms", CLICK),

            new Metric("toTokenMs", "Nothing to token: cold start + click-to-token (the person's click delay left out)", "ms", CLICK),

            new Metric("rssPeakMb", "Peak RSS of the process (through the login)", "MB", MEMORY),
            new Metric("pssTreePeakMb", "Peak PSS of the process tree, sampled every 25 ms", "MB", MEMORY),
            new Metric("rssTreePeakMb", "Peak RSS of the process tree, sampled every 25 ms", "MB", MEMORY),
            new Metric("rssPeakAtInteractiveMb", "peak RSS when the window became interactive", "MB", MEMORY),
            new Metric("heapAfterGcMb", "Java heap used after the login, after a GC", "MB", MEMORY),
            new Metric("heapCommittedMb", "Java heap committed after the login", "MB", MEMORY));

    private Metrics() {}

    /** The metrics of one child's result line; launchNanos is the runner's clock just before it started the process. */
    static Map<String, Double> of(JsonObject result, long launchNanos) {
        Marks m = new Marks(result.getAsJsonArray("marks"), launchNanos);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("coldStartMs", m.between("launch", "ui.interactive"));
        out.put("firstFrameMs", m.between("launch", "fx.first-pulse"));
        out.put("jvmBootMs", m.between("launch", "jvm.main"));
        out.put("fxToolkitMs", m.between("jvm.main", "app.start"));
        out.put("settingsMs", m.between("app.start", "app.settings-ready"));
        out.put("windowBuildMs", m.between("app.settings-ready", "app.window-built"));
        out.put("showMs", m.between("app.window-built", "app.stage-shown"));
        out.put("firstPulseMs", m.between("app.stage-shown", "fx.first-pulse"));
        out.put("demoReadyMs", m.between("app.stage-shown", "ui.login-enabled"));
        out.put("toInteractiveMs", m.between("ui.login-enabled", "ui.interactive"));
        out.put("warmUpLibraryMs", m.optional("launch", "warmup.library-loaded"));
        out.put("warmUpFxMs", m.optional("warmup.webview-start", "warmup.webview-made"));
        out.put("warmUpDoneMs", m.optional("launch", "warmup.webview-made"));
        out.put("coldStartCpuMs", nanosToMs(result, "cpuAtInteractiveNs"));

        out.put("clickToTokenMs", m.between("bench.click", "token.painted"));
        out.put("loginPrepMs", m.between("bench.click", "login.page-requested"));
        out.put("loginPageMs", m.gap("login.page-requested", 0, "login.page-loaded", 0));
        out.put("autofillCredentialsMs", m.gap("login.page-loaded", 0, "login.autofilled", 0));
        out.put("personConfirmMs", m.gap("login.autofilled", 0, "bench.submit", 0));
        if (m.has("login.page-loaded", 1)) {
            // The classic login: the 2FA step is a page of its own, loaded and autofilled.
            out.put("twofaPageMs", m.gap("bench.submit", 0, "login.page-loaded", 1));
            out.put("autofillTwofaMs", m.gap("login.page-loaded", 1, "login.autofilled", 1));
            out.put("redirectMs", m.gap("login.autofilled", 1, "login.redirect-caught", 0));
        } else {
            // Kite's single-page login (the demo's since the simulator follows it): the 2FA field
            // appears in the same page, the app's page watch fills it; no page load to mark.
            out.put("twofaPageMs", Double.NaN);
            out.put("autofillTwofaMs", Double.NaN);
            out.put("spaTwofaAndRedirectMs", m.gap("bench.submit", 0, "login.redirect-caught", 0));
            out.put("redirectMs", Double.NaN);
        }
        out.put("exchangeHandoffMs", m.between("login.redirect-caught", "login.exchange-start"));
        out.put("exchangeMs", m.between("login.exchange-start", "login.exchange-end"));
        out.put("uiUpdateMs", m.between("login.exchange-end", "token.painted"));

        out.put("toTokenMs", out.get("coldStartMs") + out.get("clickToTokenMs"));
        out.put("clickToTokenCpuMs", nanosToMs(result, "cpuAtTokenNs") - nanosToMs(result, "cpuAtClickNs"));
        out.put("loadAverage1", result.has("loadAverage1") ? result.get("loadAverage1").getAsDouble() : Double.NaN);

        out.put("rssPeakMb", kbToMb(result, "rssPeakKb"));
        out.put("pssTreePeakMb", kbToMb(result, "pssTreePeakKb"));
        out.put("rssTreePeakMb", kbToMb(result, "rssTreePeakKb"));
        out.put("rssPeakAtInteractiveMb", kbToMb(result, "rssPeakAtInteractiveKb"));
        out.put("heapAfterGcMb", bytesToMb(result, "heapUsedAfterGcBytes"));
        out.put("heapCommittedMb", bytesToMb(result, "heapCommittedBytes"));
        return out;
    }

    private static double nanosToMs(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.getAsLong() < 0 ? Double.NaN : e.getAsLong() / 1e6;
    }

    private static double kbToMb(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.getAsLong() < 0 ? Double.NaN : e.getAsLong() / 1024.0;
    }

    private static double bytesToMb(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null ? Double.NaN : e.getAsLong() / (1024.0 * 1024.0);
    }

    /** The marks of one run, in the order they were made; a name may repeat (one per page). */
    static final class Marks {
        private final List<String> names = new ArrayList<>();
        private final List<Long> nanos = new ArrayList<>();

        Marks(JsonArray marks, long launchNanos) {
            names.add("launch");
            nanos.add(launchNanos);
            for (JsonElement e : marks) {
                names.add(e.getAsJsonArray().get(0).getAsString());
                nanos.add(e.getAsJsonArray().get(1).getAsLong());
            }
        }

        boolean has(String name, int index) {
            return names.stream().filter(name::equals).count() > index;
        }

        /** The time of the {@code index}-th mark called {@code name}. */
        long at(String name, int index) {
            int seen = 0;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(name) && seen++ == index) return nanos.get(i);
            }
            throw new IllegalStateException("the run has no mark " + name + " #" + (index + 1));
        }

        int count(String name) {
            return (int) names.stream().filter(name::equals).count();
        }

        /** NaN where either mark is missing (a version of the app without it). */
        double optional(String from, String to) {
            return names.contains(from) && names.contains(to) ? between(from, to) : Double.NaN;
        }

        double between(String from, String to) {
            return gap(from, 0, to, 0);
        }

        double gap(String from, int fromIndex, String to, int toIndex) {
            return (at(to, toIndex) - at(from, fromIndex)) / 1e6;
        }
    }
}
