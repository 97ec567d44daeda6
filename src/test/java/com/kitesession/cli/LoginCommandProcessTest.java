package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.secrets.SecretStores;
import com.kitesession.session.KiteProfile;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.Loopback;
import com.kitesession.testing.SimClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kite-session login --browser} as a real process, as on a server over SSH: no DISPLAY, no
 * WAYLAND_DISPLAY, no BROWSER; the secrets in the encrypted file, unlocked with
 * KITE_SESSION_PASSPHRASE from the environment. The test plays the browser against the simulator.
 */
class LoginCommandProcessTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path home;
    private KiteSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) sim.close();
    }

    /** The simulator, the profile in the settings and its api_secret in the encrypted file, as the window leaves them. */
    private KiteProfile setUp(String redirectUrl) throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().account(DemoAccount.standard().withRedirectUrl(redirectUrl))
                .build());
        KiteProfile profile = new KiteProfile("p1", "Live", sim.account().apiKey(), redirectUrl, sim.account().userId(),
                sim.baseUrl(), sim.baseUrl());
        new AppSettingsStore(home).update(s -> s.putProfile(profile));
        EncryptedFileSecretStore secrets = unlockedSecrets();
        secrets.store(SecretNames.apiSecret(profile.id()), sim.account().apiSecret());
        return profile;
    }

    private EncryptedFileSecretStore unlockedSecrets() throws Exception {
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(home.resolve(SecretStores.FILE_NAME));
        secrets.unlock(PASSPHRASE.toCharArray());
        return secrets;
    }

    @Test
    void theLoopbackRedirectEndsTheProcessWithOnlyTheToken() throws Exception {
        String redirectUrl = "http://127.0.0.1:" + Loopback.freePort() + "/kite-redirect";
        KiteProfile profile = setUp(redirectUrl);
        CommandProcess login = new CommandProcess(home, "login", "--browser", "--timeout", "60s");
        String loginUrl = login.loginUrl(sim.baseUrl());
        login.awaitErr("Waiting for Kite to send the browser back to " + redirectUrl);
        String redirect = new SimClient(sim).login(sim.account(), HttpUrl.get(loginUrl).queryParameter("redirect_params"));
        get(redirect);

        assertEquals(0, login.exitCode(), login.err());
        String stored = unlockedSecrets().load(SecretNames.accessToken(profile.id())).orElseThrow();
        assertEquals(stored + "\n", login.out(), "nothing but the token");
        login.assertNothingSecretShown(stored, sim.account());
    }

    @Test
    void anAddressPastedOnStandardInputEndsTheProcessWithOnlyTheToken() throws Exception {
        KiteProfile profile = setUp("https://trader.example.com/kite-redirect");
        CommandProcess login = new CommandProcess(home, "login", "--browser");
        String loginUrl = login.loginUrl(sim.baseUrl());
        login.awaitErr("Paste here the address the browser lands on");
        String redirect = new SimClient(sim).login(sim.account(), HttpUrl.get(loginUrl).queryParameter("redirect_params"));
        login.type("not an address");
        login.awaitErr("This is not this profile's redirect address");
        login.type("'" + redirect + "'");

        assertEquals(0, login.exitCode(), login.err());
        String stored = unlockedSecrets().load(SecretNames.accessToken(profile.id())).orElseThrow();
        assertEquals(stored + "\n", login.out());
        login.assertNothingSecretShown(stored, sim.account());
    }

    private static void get(String url) throws IOException {
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
            assertEquals(200, response.code());
        }
    }

    /** {@code java -cp … com.kitesession.Main ARGS} with the store in {@code home}; its output read as it comes. */
    private static final class CommandProcess {
        private final Process process;
        private final List<String> command;
        private final StringBuilder err = new StringBuilder();
        private final StringBuilder out = new StringBuilder();
        private final Path home;

        CommandProcess(Path home, String... args) throws IOException {
            this.home = home;
            command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dkite.session.home=" + home,
                    "-D" + SecretStores.PROPERTY + "=file", "com.kitesession.Main"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
            builder.environment().remove("BROWSER");
            builder.environment().put("KITE_SESSION_PASSPHRASE", PASSPHRASE);
            process = builder.start();
            collect(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err);
            collect(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out);
        }

        private static void collect(BufferedReader reader, StringBuilder into) {
            Thread thread = new Thread(() -> {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (into) {
                            into.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // The process ended.
                }
            }, "command-output");
            thread.setDaemon(true);
            thread.start();
        }

        String err() {
            synchronized (err) {
                return err.toString();
            }
        }

        String out() {
            synchronized (out) {
                return out.toString();
            }
        }

        String awaitErr(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!err().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive() && !err().contains(text)) {
                    Thread.sleep(200); // what the process wrote last
                    if (!err().contains(text)) fail("no \"" + text + "\" on standard error:\n" + err());
                }
                Thread.sleep(20);
            }
            return err();
        }

        String loginUrl(String base) throws InterruptedException {
            String prefix = "  " + base + "/connect/login?";
            String said = awaitErr(prefix);
            return said.substring(said.indexOf(prefix) + 2).split("\n", 2)[0];
        }

        void type(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the command still ran after 60 s:\n" + err());
            }
            Thread.sleep(100); // the output threads' last lines
            return process.exitValue();
        }

        /** The secret and passphrase nowhere (arguments, output, log files); the token only on standard output. */
        void assertNothingSecretShown(String token, DemoAccount account) throws IOException {
            for (String secret : List.of(account.apiSecret(), PASSPHRASE, token)) {
                assertFalse(String.join(" ", command).contains(secret), "a secret among the arguments");
                assertFalse(err().contains(secret), "a secret on standard error:\n" + err());
            }
            assertFalse(out().contains(account.apiSecret()));
            try (Stream<Path> logs = Files.walk(home.resolve("logs"))) {
                for (Path log : logs.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(log);
                    assertTrue(text.contains("login"), log + ":\n" + text);
                    for (String secret : List.of(account.apiSecret(), PASSPHRASE, token)) {
                        assertFalse(text.contains(secret), "a secret in " + log + ":\n" + text);
                    }
                }
            }
        }
    }
}
