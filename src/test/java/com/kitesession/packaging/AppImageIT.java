package com.kitesession.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.packaging.ImageLauncher.Run;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.AppSettingsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI check of the Linux app image that {@code mvn verify} builds with jpackage
 * (target/jpackage/image/kite-session): its launcher, with the jlink'ed runtime, runs the command
 * line. Settings go to a temp folder through JAVA_TOOL_OPTIONS (the launcher passes the JVM's own
 * environment through), secrets stay in memory, so no keychain or ~/.config is touched.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppImageIT {
    private static final List<String> SIM_NAMES =
            List.of("base-url", "api-key", "api-secret", "redirect-url", "user-id", "password", "totp-secret");

    private static Path launcher;

    @TempDir
    Path home;

    @BeforeAll
    static void findLauncher() {
        launcher = builtImage().resolve("bin/kite-session");
        assertTrue(Files.isExecutable(launcher), "no app image launcher at " + launcher + " (built by jpackage in pre-integration-test)");
    }

    /** The app image mvn verify built. */
    static Path builtImage() {
        return Path.of(System.getProperty("kite.appImage", "target/jpackage/image/kite-session"));
    }

    private Process start(List<String> args, Map<String, String> env) throws IOException {
        return ImageLauncher.of(builtImage(), home).start(args, env);
    }

    private Run run(List<String> args, Map<String, String> env) throws Exception {
        return ImageLauncher.of(builtImage(), home).run(args, env);
    }

    @Test
    void theLauncherCarriesThePomVersionAndTheLeanJvmOptions() throws IOException {
        String cfg = Files.readString(launcher.getParent().getParent().resolve("lib/app/kite-session.cfg"));
        String version = System.getProperty("kite.version");
        if (version != null) assertTrue(cfg.contains("-Djpackage.app-version=" + version), cfg);
        assertTrue(cfg.contains("-Xmx256m") && cfg.contains("-XX:+UseSerialGC") && cfg.contains("-XX:-UsePerfData"), cfg);
    }

    @Test
    void statusJsonListsTheProfilesOfTheSettingsFolder() throws Exception {
        saveProfileNeverLoggedIn();

        Run run = run(List.of("status", "--json"), Map.of());

        assertEquals(0, run.exit(), run.describe());
        JsonArray profiles = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(1, profiles.size(), run.describe());
        JsonObject p = profiles.get(0).getAsJsonObject();
        assertEquals("Packaging check", p.get("profile").getAsString());
        assertEquals("NOT_LOGGED_IN", p.get("state").getAsString());
    }

    @Test
    void exitCodesComeThroughTheLauncher() throws Exception {
        Run help = run(List.of("help"), Map.of());
        assertEquals(0, help.exit(), help.describe());
        assertTrue(help.out().contains("usage:"), help.describe());

        Run unknown = run(List.of("no-such-command"), Map.of());
        assertEquals(2, unknown.exit(), unknown.describe());

        saveProfileNeverLoggedIn();
        Run token = run(List.of("token"), Map.of());
        assertEquals(3, token.exit(), token.describe()); // "no live token"
        assertEquals("", token.out(), token.describe());
    }

    @Test
    void simAnswersOnLoopbackAndStopsWhenKilled() throws Exception {
        Process sim = start(List.of("sim", "--port", "0"), Map.of());
        try {
            Map<String, String> lines = readSimLines(sim);
            // -XX:-UsePerfData: no counters file that a VM thread refreshes every 50 ms (HotSpot
            // writes it under /tmp on Linux, whatever java.io.tmpdir says; the launcher execs java,
            // so the pid is the JVM's).
            Path counters = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(sim.pid()));
            assertFalse(Files.exists(counters), counters + " exists");
            String base = lines.get("base-url");
            assertTrue(base.startsWith("http://127.0.0.1:"), lines.toString());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(
                    base + "/connect/login?v=3&api_key=" + URLEncoder.encode(lines.get("api-key"), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(login.body().contains("Login to Kite"), login.body());

            HttpResponse<String> profile = http.send(HttpRequest.newBuilder(URI.create(base + "/user/profile"))
                    .header("X-Kite-Version", "3").header("Authorization", "token " + lines.get("api-key") + ":not-a-token")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, profile.statusCode(), profile.body());
            assertTrue(profile.body().contains("TokenException"), profile.body());

            // The installed `exchange` command against that simulator: a made-up request_token is
            // refused by "Kite" (exit 3, the explanation on stderr, nothing on stdout).
            Run exchange = run(List.of("exchange", "--api-key", lines.get("api-key"), "--request-token", "made-up",
                    "--api-base", base), Map.of("KITE_API_SECRET", lines.get("api-secret")));
            assertEquals(3, exchange.exit(), exchange.describe());
            assertEquals("", exchange.out(), exchange.describe());
        } finally {
            sim.destroy(); // SIGTERM: the shutdown hook closes the server
            if (!sim.waitFor(30, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
                fail("sim did not stop within 30 s of SIGTERM");
            }
        }
        assertFalse(sim.isAlive());
    }

    /** What the window would have saved after "Add" and "Save", before any login. */
    private void saveProfileNeverLoggedIn() throws IOException {
        new AppSettingsStore(home).update(s -> s.putProfile(
                new KiteProfile("p1", "Packaging check", "ci_key", "http://127.0.0.1/kite-redirect", "AB1234",
                        "https://kite.zerodha.com", "https://api.kite.trade")));
    }

    /** The seven {@code name: value} lines sim prints once it listens, read within a minute. */
    private static Map<String, String> readSimLines(Process sim) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(() -> {
            Map<String, String> lines = new LinkedHashMap<>();
            try {
                String line;
                while (lines.size() < SIM_NAMES.size() && (line = out.readLine()) != null) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) lines.put(line.substring(0, colon), line.substring(colon + 2));
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            return lines;
        });
        Map<String, String> lines = read.get(ImageLauncher.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SIM_NAMES, new ArrayList<>(lines.keySet()), "sim printed " + lines + "; alive: " + sim.isAlive());
        return lines;
    }
}
