package com.kitesession.cli;

import com.kitesession.secrets.SecretNames;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.testing.SimClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * A simulator on a fixed clock (10:00 IST, Mon 23 Nov 2026) that the CLI shares, the GUI's
 * settings in a temp folder and an in-memory secret store: what the commands would find on a
 * machine where the window has logged in.
 */
final class CliFixture implements AutoCloseable {
    static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");

    final SimulatorClock clock = SimulatorClock.fixedAt(LOGIN);
    final KiteSimulator sim;
    final DemoAccount account;
    final AppSettingsStore store;
    final InMemorySecretStore secrets = new InMemorySecretStore();
    CliContext context;
    /** What {@code profile} reads besides its arguments: the environment, standard input, the terminal (null: none). */
    final Map<String, String> env = new HashMap<>();
    String stdin = "";
    ScriptedTerminal terminal;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final OkHttpClient http;
    private final Path folder;

    CliFixture(Path folder) throws IOException {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        account = sim.account();
        store = new AppSettingsStore(folder);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).build();
        this.http = http;
        this.folder = folder;
        context = new CliContext(store, secrets, clock, http);
    }

    /** From now on the commands see the secrets as an encrypted file nobody unlocked. */
    void lockSecrets() {
        context = new CliContext(store, new EncryptedFileSecretStore(folder.resolve("secrets.enc")), clock, http);
    }

    /** A profile for the simulator's account. */
    KiteProfile profile(String id, String name) {
        return new KiteProfile(id, name, account.apiKey(), account.redirectUrl(), account.userId(), sim.baseUrl(), sim.baseUrl());
    }

    /** Adds the profile, logs in against the simulator as the window would, and files token and record. */
    String loggedIn(KiteProfile profile) throws Exception {
        String token = new SimClient(sim).accessToken(account);
        Instant now = clock.instant();
        remember(profile, token, new SessionRecord(account.userId(), account.userName(), now,
                TokenExpiry.documented().expiresAt(now).toInstant(), null, null));
        return token;
    }

    void remember(KiteProfile profile, String token, SessionRecord record) throws Exception {
        store.update(s -> {
            s.putProfile(profile);
            if (record != null) s.sessions.put(profile.id(), record);
        });
        if (token != null) secrets.store(SecretNames.accessToken(profile.id()), token);
    }

    void settings(Consumer<AppSettings> change) throws IOException {
        store.update(change);
    }

    int token(String... args) {
        reset();
        return TokenCommand.run(args, context, stream(out), stream(err));
    }

    int status(String... args) {
        reset();
        return StatusCommand.run(args, context, stream(out), stream(err));
    }

    int profileCommand(String... args) {
        reset();
        CommandInput input = new CommandInput(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Optional.ofNullable(terminal));
        return ProfileCommand.run(args, context, input, stream(out), stream(err));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void reset() {
        out.reset();
        err.reset();
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sim.close();
    }
}
