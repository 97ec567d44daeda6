package com.kitesession.ui;

import com.kitesession.clock.ClockOffsets;
import com.kitesession.clock.SntpClockProbe;
import com.kitesession.desktop.ColorScheme;
import com.kitesession.kite.KiteClient;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStores;
import com.kitesession.service.SessionService;
import com.kitesession.storage.AppPaths;
import com.kitesession.storage.AppSettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * The window's start-up work that needs no toolkit, all of it I/O: the HTTP client (it reads the
 * JDK's trusted certificates), the clock probe, the keychain probe, the settings, and the desktop's
 * light or dark. {@link KiteSessionApp#prepare()} begins it before JavaFX starts, so it runs beside
 * the toolkit's own start (about 0.4 s) instead of after it; the window waits for what is left.
 * No JavaFX here: none of it may touch the toolkit, which is not running yet.
 */
final class StartupWork {
    /** What the window needs from the settings folder. */
    record Settings(SessionService sessions, ColorScheme scheme) {}

    final ExecutorService background = AppServices.newBackgroundExecutor();
    final Clock clock = Clock.systemUTC();
    /**
     * Every answer from Kite measures this computer's clock (its Date header); an NTP server too,
     * once, which counts only where Kite's clock confirms it (ClockOffsets).
     */
    final ClockOffsets offsets = new ClockOffsets(clock);
    final CompletableFuture<OkHttpClient> http;
    /** Completes exceptionally when the settings folder cannot be read (the window says so). */
    final CompletableFuture<Settings> settings;

    private StartupWork() {
        http = CompletableFuture.supplyAsync(() -> AppServices.probing(KiteClient.defaultHttpClient(), offsets, clock),
                background);
        background.execute(() -> new SntpClockProbe(SntpClockProbe.DEFAULT_SERVER, SntpClockProbe.DEFAULT_PORT,
                Duration.ofSeconds(3), clock).measure().ifPresent(offsets::record));
        // Probing the keychain can take seconds where a keyring hangs; asking the desktop for light
        // or dark runs a command.
        settings = CompletableFuture.supplyAsync(() -> {
            SecretStore secrets = SecretStores.chooseForThisMachine(AppPaths.configFolder());
            SessionService sessions = new SessionService(AppSettingsStore.atDefaultLocation(), secrets, http.join(), clock);
            return new Settings(sessions, Themes.resolve(sessions.preferences().theme(), ColorScheme::ofThisDesktop));
        }, background);
    }

    /** Starts it all on background threads and returns at once. */
    static StartupWork begin() {
        return new StartupWork();
    }
}
