package com.kitesession.cli;

import com.kitesession.kite.KiteClient;
import com.kitesession.secrets.SecretStore;
import com.kitesession.service.SessionService;
import com.kitesession.storage.AppSettingsStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** What the {@code token} and {@code status} commands read: the GUI's own settings and secrets. */
public record CliContext(AppSettingsStore settings, SecretStore secrets, Clock clock, OkHttpClient http) {

    public CliContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(http, "http");
    }

    /** The window's own session logic over this context: one derivation of every profile's state. */
    public SessionService sessionService() {
        return new SessionService(settings, secrets, http, clock);
    }

    /**
     * The settings in the usual config folder, the real clock and Kite's usual timeouts. The
     * secret store is chosen (and unlocked) by the caller, e.g. {@code SecretStores.chooseForThisMachine}.
     */
    public static CliContext forThisMachine(Supplier<SecretStore> secrets) {
        return new CliContext(AppSettingsStore.atDefaultLocation(), secrets.get(), Clock.systemUTC(),
                KiteClient.defaultHttpClient());
    }
}
