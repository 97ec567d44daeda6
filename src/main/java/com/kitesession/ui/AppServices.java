package com.kitesession.ui;

import com.kitesession.clock.ClockOffsets;
import com.kitesession.clock.DateHeaderClockProbe;
import com.kitesession.service.SessionService;
import com.kitesession.sim.KiteSimulator;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * What the window needs from the outside world, injectable for tests: the clock (countdown
 * and expiry), the session service (settings and secrets), a background executor for all I/O,
 * one shared OkHttp client (connection reuse), and how to start the demo's simulator.
 */
public record AppServices(Clock clock, SessionService sessions, ExecutorService background, OkHttpClient http,
        DemoBackend demo, SecretsGate secretsGate, ClockOffsets clockOffsets) {

    /**
     * Tests and machines with a keychain: nothing to unlock. The clock offset is learnt from the
     * Date header of every answer that passes through {@code http}.
     */
    public AppServices(Clock clock, SessionService sessions, ExecutorService background, OkHttpClient http,
            DemoBackend demo) {
        this(clock, sessions, background, http, demo, Runnable::run, new ClockOffsets(clock));
    }

    /** {@code base} with the Date-header clock probe added, feeding {@code offsets}. */
    public static OkHttpClient probing(OkHttpClient base, ClockOffsets offsets, Clock clock) {
        return base.newBuilder().addNetworkInterceptor(new DateHeaderClockProbe(offsets, clock)).build();
    }

    /**
     * Runs an action once the secret store can be used: with an encrypted file that is still
     * locked, after the person has entered the passphrase (asked only when first needed, so
     * the demo never asks).
     */
    @FunctionalInterface
    public interface SecretsGate {
        void whenUnlocked(Runnable action);
    }

    /** Starts (or hands over) the simulator the demo profile logs in against. */
    @FunctionalInterface
    public interface DemoBackend {
        KiteSimulator start() throws IOException;
    }

    public static ExecutorService newBackgroundExecutor() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "kite-io");
            thread.setDaemon(true);
            return thread;
        });
    }
}
