package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.kitesession.kite.KiteClient;
import com.kitesession.kite.UserSession;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.SimClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;

/**
 * The {@code login} command against a simulator whose account redirects to {@code redirectUrl},
 * with the window's settings in a temp folder, in-memory secrets and an environment with no
 * display and no {@code $BROWSER}, as on a server over SSH. The command runs on a thread of its
 * own, its standard input a pipe the test writes to, so the test can play the browser meanwhile.
 */
final class LoginFixture implements AutoCloseable {
    static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");

    final SimulatorClock clock = SimulatorClock.fixedAt(LOGIN);
    final KiteSimulator sim;
    final DemoAccount account;
    final AppSettingsStore store;
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false).build();
    CliContext context;
    /** The environment the command sees: no DISPLAY, no WAYLAND_DISPLAY, no BROWSER unless a test adds one. */
    final Map<String, String> env = new HashMap<>(Map.of("HOME", "/nonexistent", "TERM", "dumb"));
    /** The settings folder a running window would answer on. */
    final Path windowFolder;
    /** The windows the command started, by their arguments. */
    final List<List<String>> startedWindows = new ArrayList<>();

    LoginFixture(Path folder, String redirectUrl) throws IOException {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock)
                .account(DemoAccount.standard().withRedirectUrl(redirectUrl)).build());
        account = sim.account();
        store = new AppSettingsStore(folder.resolve("settings"));
        windowFolder = Files.createDirectories(folder.resolve("settings"));
        context = new CliContext(store, secrets, clock, http);
    }

    /** From now on the commands see the secrets as an encrypted file nobody unlocked. */
    void lockSecrets() {
        context = new CliContext(store, new EncryptedFileSecretStore(windowFolder.resolve("secrets.enc")), clock, http);
    }

    /** A profile for the simulator's app with this redirect URL, saved with the app's api_secret. */
    KiteProfile saveProfile(String id, String name, String redirectUrl) throws Exception {
        KiteProfile profile = new KiteProfile(id, name, account.apiKey(), redirectUrl, account.userId(), sim.baseUrl(),
                sim.baseUrl());
        store.update(s -> s.putProfile(profile));
        secrets.store(SecretNames.apiSecret(id), account.apiSecret());
        return profile;
    }

    /** The session the store now holds for {@code profile}, as the window or {@code token} would read it. */
    Optional<ActiveSession> storedSession(KiteProfile profile) throws Exception {
        SessionService service = new CliContext(new AppSettingsStore(windowFolder), secrets, clock, http).sessionService();
        return service.session(profile);
    }

    /** What the window does once logged in: a login against the simulator, stored through the same service. */
    String windowLogsIn(KiteProfile who) throws Exception {
        String requestToken = new SimClient(sim).requestToken(account);
        UserSession user = new KiteClient(sim.baseUrl(), http).generateSession(account.apiKey(), requestToken,
                account.apiSecret());
        ActiveSession session = ActiveSession.of(user, TokenExpiry.documented(), clock);
        context.sessionService().recordLogin(who, session);
        return session.accessToken();
    }

    /** Starts {@code login ARGS} on a thread of its own. */
    Running start(String... args) throws IOException {
        return new Running(false, args);
    }

    /** Starts {@code token ARGS} ({@code --wait}, say) on a thread of its own, in the same surroundings. */
    Running startToken(String... args) throws IOException {
        return new Running(true, args);
    }


    /** One run of the command: its streams, and its exit code when it ends. */
    final class Running {
        final CapturedStream out = new CapturedStream();
        final CapturedStream err = new CapturedStream();
        private final OutputStream stdin;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        private Running(boolean token, String[] args) throws IOException {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            stdin = new PipedOutputStream(in);
            LoginSurroundings around = new LoginSurroundings(env, "Linux", in, windowFolder, windowArgs -> {
                synchronized (startedWindows) {
                    startedWindows.add(windowArgs);
                }
            });
            Thread command = new Thread(() -> exit.complete(token
                    ? TokenCommand.run(args, context, around, out.stream, err.stream)
                    : LoginCommand.run(args, context, around, out.stream, err.stream)), token ? "token-command" : "login-command");
            command.setDaemon(true);
            command.start();
        }

        /** Running {@code login} with standard input that is a closed pipe from the start. */
        Running withoutInput() throws IOException {
            stdin.close();
            return this;
        }

        /** The login address the command printed on standard error. */
        String loginUrl() {
            String line = awaitErr("  " + sim.baseUrl() + "/connect/login?");
            int start = line.indexOf("  " + sim.baseUrl());
            return line.substring(start + 2).split("\\R", 2)[0];
        }

        /** Waits until standard error holds {@code text}; returns all of it. */
        String awaitErr(String text) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!err.text().contains(text)) {
                if (System.nanoTime() > deadline) fail("no \"" + text + "\" on standard error:\n" + err.text());
                if (exit.isDone() && !err.text().contains(text)) fail("ended (" + exit.join() + ") without \"" + text
                        + "\":\n" + err.text());
                sleep(20);
            }
            return err.text();
        }

        /** Types a line on the command's standard input. */
        void paste(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        void closeInput() throws IOException {
            stdin.close();
        }

        int exitCode(Duration within) throws Exception {
            try {
                return exit.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the command still runs after " + within + ":\n" + err.text(), e);
            }
        }

        /** Neither stream ever carries the api_secret; standard error never carries {@code token}. */
        void assertNoSecretsShown(String token) {
            for (String shown : List.of(out.text(), err.text())) {
                assertFalse(shown.contains(account.apiSecret()), "the api_secret was printed:\n" + shown);
                assertFalse(shown.contains(account.password()), "the password was printed:\n" + shown);
            }
            if (token != null) assertFalse(err.text().contains(token), "the token reached standard error:\n" + err.text());
            assertFalse(err.text().contains("\tat ") || err.text().contains("Exception:"), err.text());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
