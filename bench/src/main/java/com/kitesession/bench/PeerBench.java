package com.kitesession.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer: what a trader's script does to get a token, {@code bench/peer/login.mjs} (Node,
 * Playwright driving the system's Chromium), run N times against a simulator in this JVM, each a
 * fresh {@code node} process. Measured from outside as the app is: the runner's clock just before
 * the process starts, the script's marks (process.hrtime, the same monotonic clock), and the peak
 * PSS and RSS of the process tree (node, Chromium and all of Chromium's processes).
 */
final class PeerBench {
    static final String RESULT_PREFIX = "PEER-RESULT ";
    /** Past the script's own 60 s watchdog: a run that hangs is killed, its output read to the end. */
    private static final long RUN_DEADLINE_SECONDS = 90;

    private PeerBench() {}

    /** {@code folder}: where bench/run copied the script and ran {@code npm ci}. */
    static JsonObject run(Path folder, String chromium, boolean headless, int warmup, int runs, Path logs)
            throws IOException, InterruptedException {
        JsonObject peer = new JsonObject();
        peer.addProperty("description", "Node " + nodeVersion() + ", playwright-core (bench/peer/package-lock.json), "
                + chromium + ", " + (headless ? "headless" : "headed"));
        String[] browserVersion = new String[1];
        // The app's demo simulator, in this JVM: the same pages, the same account, real time.
        try (KiteSimulator sim = KiteSimulator.start(SimulatorConfig.builder().build())) {
            RunSeries.run("peer", warmup, runs, logs, label -> {
                JsonObject result = runOnce(folder, sim, chromium, headless, logs.resolve(label + ".log"));
                if (!result.get("ok").getAsBoolean()) return RunSeries.Outcome.failed(result.get("error").getAsString());
                browserVersion[0] = result.get("chromium").getAsString();
                Map<String, Double> m = metrics(result);
                return new RunSeries.Outcome(m, null, String.format(Locale.ROOT,
                        "launch to redirect %.0f ms, to token %.0f ms, peak PSS (tree) %.0f MB, peak RSS (tree) %.0f MB",
                        m.get("launchToRedirectMs"), m.get("toTokenMs"), m.get("pssTreePeakMb"), m.get("rssTreePeakMb")));
            }, peer);
        }
        peer.addProperty("chromiumVersion", browserVersion[0]);
        peer.addProperty("headless", headless);
        return peer;
    }

    private static JsonObject runOnce(Path folder, KiteSimulator sim, String chromium, boolean headless, Path log)
            throws IOException, InterruptedException {
        DemoAccount account = sim.account();
        ProcessBuilder pb = new ProcessBuilder("node", "login.mjs").directory(folder.toFile()).redirectError(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("PEER_BASE_URL", sim.baseUrl());
        env.put("PEER_API_KEY", account.apiKey());
        env.put("PEER_API_SECRET", account.apiSecret());
        env.put("PEER_REDIRECT_URL", account.redirectUrl());
        env.put("PEER_USER_ID", account.userId());
        env.put("PEER_PASSWORD", account.password());
        env.put("PEER_TOTP_SECRET", account.totpSecretBase32());
        env.put("PEER_CHROMIUM", chromium);
        env.put("PEER_HEADLESS", headless ? "1" : "0");
        String load = Machine.loadAverage().split(" ")[0];
        long launch = System.nanoTime();
        Process p = pb.start();
        TreeMemory memory = TreeMemory.sample(p.toHandle(), TreeMemory.INTERVAL_MS);
        Thread deadline = killAfter(p, RUN_DEADLINE_SECONDS);
        JsonObject found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) found = JsonParser.parseString(line.substring(RESULT_PREFIX.length())).getAsJsonObject();
            }
        }
        boolean ended = p.waitFor(10, TimeUnit.SECONDS);
        deadline.interrupt();
        memory.close();
        if (!ended) killTree(p);
        if (found == null) {
            found = new JsonObject();
            found.addProperty("ok", false);
            found.addProperty("error", "node ended without a result" + (ended ? " (exit " + p.exitValue() + ")" : ""));
            return found;
        }
        TreeMemory.Peak peak = memory.peak();
        found.addProperty("launchNanos", launch);
        found.addProperty("pssTreePeakKb", peak.pssKb());
        found.addProperty("rssTreePeakKb", peak.rssKb());
        found.addProperty("processesPeak", peak.processes());
        found.addProperty("loadAverage1", parseOr(load));
        return found;
    }

    static Map<String, Double> metrics(JsonObject result) {
        Metrics.Marks m = new Metrics.Marks(result.getAsJsonArray("marks"), result.get("launchNanos").getAsLong());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("launchToRedirectMs", m.between("launch", "redirect.caught"));
        out.put("toTokenMs", m.between("launch", "token.exchanged"));
        out.put("nodeStartMs", m.between("launch", "node.main"));
        out.put("playwrightLoadMs", m.between("node.main", "playwright.loaded"));
        out.put("browserLaunchMs", m.between("playwright.loaded", "browser.launched"));
        out.put("pageOpenMs", m.between("browser.launched", "page.opened"));
        out.put("loginPageMs", m.between("page.opened", "login.loaded"));
        out.put("fillAndSubmitMs", m.between("login.loaded", "password.submitted"));
        out.put("twofaShownMs", m.between("password.submitted", "twofa.shown"));
        out.put("twofaFillMs", m.between("twofa.shown", "twofa.filled"));
        out.put("redirectMs", m.between("twofa.filled", "redirect.caught"));
        out.put("exchangeMs", m.between("redirect.caught", "token.exchanged"));
        out.put("browserCloseMs", m.between("token.exchanged", "browser.closed"));
        out.put("pssTreePeakMb", result.get("pssTreePeakKb").getAsLong() / 1024.0);
        out.put("rssTreePeakMb", result.get("rssTreePeakKb").getAsLong() / 1024.0);
        out.put("processesPeak", result.get("processesPeak").getAsDouble());
        out.put("loadAverage1", result.get("loadAverage1").getAsDouble());
        return out;
    }

    /** The steps of {@link #metrics}, in order, for the table. */
    static final List<String[]> STEPS = List.of(
            new String[] {"nodeStartMs", "node start (process start to the script's first line)"},
            new String[] {"playwrightLoadMs", "load playwright-core"},
            new String[] {"browserLaunchMs", "launch Chromium (to the browser connected)"},
            new String[] {"pageOpenMs", "open a page (new context and tab)"},
            new String[] {"loginPageMs", "page load: Kite login page"},
            new String[] {"fillAndSubmitMs", "fill user id and password, click submit"},
            new String[] {"twofaShownMs", "password XHR to the 2FA field shown"},
            new String[] {"twofaFillMs", "compute and fill the TOTP code"},
            new String[] {"redirectMs", "2FA XHR, finish, redirect request seen"},
            new String[] {"exchangeMs", "exchange: POST /session/token (Node fetch)"},
            new String[] {"browserCloseMs", "close the browser (after the token)"});

    private static double parseOr(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Thread killAfter(Process p, long seconds) {
        Thread t = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(seconds);
            } catch (InterruptedException e) {
                return;
            }
            killTree(p);
        }, "bench-peer-deadline");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void killTree(Process p) {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "?";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
