package com.kitesession.bench;

import com.google.gson.JsonObject;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.UserSession;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.secrets.SecretStores;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.LoginPageStyle;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Scaling with the work: the app started on a settings folder with 1, 5, 20 profiles, each with a
 * live session against a simulator in this JVM (the profiles' API address is a {@link CountingProxy}
 * in front of it, which notes every request the app sends). Each run: cold start to interactive,
 * idle CPU with the window shown and minimised, the requests per minute and the most in any one
 * second. See {@link ScalingChild} for the app's side.
 */
final class ScalingBench {
    /** The demo passphrase of the prepared secrets files: the window asks for it, the child types it. */
    static final String PASSPHRASE = "bench-passphrase";
    /** Kite's limit for the session and profile endpoints (KITE-FACTS.md), which the simulator enforces. */
    static final int KITE_LIMIT_PER_SECOND = 10;

    /** What a scaling run does: how long it idles, how often the app checks sessions. */
    record Plan(List<Integer> profileCounts, int warmup, int runs, long idleMs, long settleMs, int livenessMinutes) {
        long stayMs() {
            // Long enough for one liveness round after interactive, whatever the idle phases take.
            return Math.max(settleMs + 2 * idleMs + ScalingChild.ICONIFY_SETTLE_MS + 5_000,
                    TimeUnit.MINUTES.toMillis(livenessMinutes) + 10_000);
        }
    }

    private ScalingBench() {}

    static JsonObject run(Plan plan, Launchers.Launcher launcher, List<String> jvmExtra, Path work)
            throws IOException, InterruptedException {
        JsonObject scaling = new JsonObject();
        scaling.addProperty("configuration", launcher.name());
        scaling.addProperty("idleMs", plan.idleMs());
        scaling.addProperty("settleMs", plan.settleMs());
        scaling.addProperty("livenessMinutes", plan.livenessMinutes());
        // Classic pages: the profiles' sessions are minted by plain form posts; the app itself only checks them.
        SimulatorConfig config = SimulatorConfig.builder().loginPage(LoginPageStyle.CLASSIC).build();
        Process windowManager = WindowManager.start(work.resolve("logs/scaling-openbox.log"));
        scaling.addProperty("windowManager", windowManager != null ? "openbox" : "none");
        try (KiteSimulator sim = KiteSimulator.start(config); CountingProxy proxy = CountingProxy.to(sim.baseUrl())) {
            for (int count : plan.profileCounts()) {
                JsonObject step = new JsonObject();
                RunSeries.run("scaling-" + count, plan.warmup(), plan.runs(), work.resolve("logs"), label -> {
                    Path home = prepareHome(work, count, sim, proxy.baseUrl(), plan.livenessMinutes());
                    proxy.reset();
                    List<String> options = new ArrayList<>(jvmExtra);
                    options.addAll(List.of("-Dbench.scaling=true", "-Dbench.profiles=" + count, "-Dbench.passphrase=" + PASSPHRASE,
                            "-Dbench.idleMs=" + plan.idleMs(), "-Dbench.settleMs=" + plan.settleMs(),
                            "-Dbench.stayMs=" + plan.stayMs(), "-D" + SecretStores.PROPERTY + "=file"));
                    JsonObject child = BenchRunner.runChild(launcher, options, work, label, 0, home).json();
                    if (!child.get("ok").getAsBoolean()) return RunSeries.Outcome.failed(child.get("error").getAsString());
                    var m = ScalingMetrics.of(child, proxy.seen());
                    JsonObject notes = new JsonObject();
                    notes.addProperty("busiestThreadsShown", child.get("shownBusiestThreads").getAsString());
                    notes.addProperty("busiestThreadsMinimised", child.get("hiddenBusiestThreads").getAsString());
                    return new RunSeries.Outcome(m, notes, null, String.format(Locale.ROOT,
                            "%d profiles: cold start %.0f ms, idle CPU %.2f %% shown, %.2f %% minimised, %.1f requests/min,"
                                    + " at most %.0f in one second", count, m.get("coldStartMs"), m.get("idleShownCpuPct"),
                            m.get("idleHiddenCpuPct"), m.get("requestsPerMinute"), m.get("peakRequestsPerSecond")));
                }, step);
                scaling.add(Integer.toString(count), step);
            }
        } finally {
            WindowManager.stop(windowManager);
        }
        return scaling;
    }

    /**
     * A settings folder as the app leaves it after {@code count} logins: profiles against the
     * simulator (API through the proxy), api_secret and access token in the encrypted file, each
     * token fresh from the simulator's own exchange, the liveness check every {@code livenessMinutes}.
     */
    static Path prepareHome(Path work, int count, KiteSimulator sim, String apiBase, int livenessMinutes) throws IOException {
        Path home = Files.createTempDirectory(work, "scaling-home-");
        DemoAccount account = sim.account();
        AppSettingsStore store = new AppSettingsStore(home);
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(home.resolve(SecretStores.FILE_NAME));
        OkHttpClient http = KiteClient.defaultHttpClient();
        KiteClient kite = new KiteClient(sim.baseUrl(), http);
        try {
            secrets.unlock(PASSPHRASE.toCharArray());
            SessionService sessions = new SessionService(store, secrets, http, Clock.systemUTC());
            List<String> requestTokens = ExchangeBench.mint(sim, count);
            for (int i = 0; i < count; i++) {
                KiteProfile profile = new KiteProfile(UUID.randomUUID().toString(), "Account " + (i + 1), account.apiKey(),
                        account.redirectUrl(), account.userId(), sim.baseUrl(), apiBase);
                sessions.saveProfile(profile, account.apiSecret());
                UserSession user = kite.generateSession(account.apiKey(), requestTokens.get(i), account.apiSecret());
                sessions.recordLogin(profile, ActiveSession.of(user, TokenExpiry.documented(), Clock.systemUTC()));
                // The simulator holds the exchange to Kite's 10 a second, as Kite does.
                TimeUnit.MILLISECONDS.sleep(1000 / KITE_LIMIT_PER_SECOND + 10);
            }
            store.update(s -> s.livenessMinutes = livenessMinutes);
        } catch (SecretStoreException | KiteException e) {
            throw new IOException("could not prepare " + count + " profiles: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing profiles", e);
        } finally {
            secrets.lock();
        }
        return home;
    }
}
