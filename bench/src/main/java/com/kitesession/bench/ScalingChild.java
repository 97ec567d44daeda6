package com.kitesession.bench;

import com.google.gson.JsonObject;
import com.kitesession.Main;
import com.kitesession.perf.Milestones;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * One scaling run inside the app's process ({@code -Dbench.scaling=true}, started through
 * {@link BenchChild}): the settings folder holds {@code bench.profiles} profiles, each with a live
 * session, their secrets in the passphrase-encrypted file. It types the passphrase into the app's
 * dialog (machine speed), waits until the list shows every profile (interactive), lets the start's
 * work settle ({@code bench.settleMs}: class loading, the compiler, the start's checks), then
 * sits idle: {@code bench.idleMs} with the window shown, then as long with it minimised, reading the
 * process's CPU time (in all and by thread) and counting the JavaFX pulses around each, and stays up until
 * {@code bench.stayMs} after interactive so a liveness round can come due. Prints
 * {@code BENCH-RESULT {json}} and ends.
 */
final class ScalingChild {
    private static final long POLL_MS = 10;
    /** For the window manager to minimise the window and the app to notice. */
    static final long ICONIFY_SETTLE_MS = 3_000;
    private static final AtomicLong PULSES = new AtomicLong();
    private static int expectedRows;
    private static String passphrase;
    private static volatile Stage stage;

    private ScalingChild() {}

    static void main(String[] args) {
        BenchChild.mark("jvm.main", System.nanoTime());
        expectedRows = Integer.getInteger("bench.profiles", 1);
        passphrase = System.getProperty("bench.passphrase", "");
        long stayMs = Long.getLong("bench.stayMs", 75_000);
        BenchChild.startWatchdog(stayMs + 60_000);
        Milestones.install(ScalingChild::onMark);
        Main.main(new String[0]);
    }

    private static void onMark(String name, long nanos) {
        BenchChild.mark(name, nanos);
        switch (name) {
            case "app.settings-ready" -> Platform.runLater(() -> whenFound(ScalingChild::passphraseDialog, ScalingChild::unlock));
            case "app.stage-shown" -> whenFound(ScalingChild::mainWindow, ScalingChild::waitForRows);
            default -> { }
        }
    }

    /** FX thread: polls every 10 ms until {@code find} gives something, then hands it on. */
    private static <T> void whenFound(Supplier<T> find, Consumer<T> then) {
        T found = find.get();
        if (found != null) {
            then.accept(found);
            return;
        }
        PauseTransition again = new PauseTransition(Duration.millis(POLL_MS));
        again.setOnFinished(e -> whenFound(find, then));
        again.play();
    }

    private static Scene passphraseDialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.lookup("#passphrase") != null).findFirst().orElse(null);
    }

    private static void unlock(Scene dialog) {
        ((PasswordField) dialog.lookup("#passphrase")).setText(passphrase);
        BenchChild.mark("bench.unlock", System.nanoTime());
        ((Button) dialog.lookup("#unlock")).fire();
    }

    private static Stage mainWindow() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage && w.getScene() != null
                && w.getScene().lookup("#profile-list") != null).map(w -> (Stage) w).findFirst().orElse(null);
    }

    /** Interactive: every profile listed and one selected, and the frame that shows it. */
    private static void waitForRows(Stage main) {
        stage = main;
        ListView<?> list = (ListView<?>) main.getScene().lookup("#profile-list");
        whenFound(() -> list.getItems().size() >= expectedRows && list.getSelectionModel().getSelectedItem() != null
                ? list : null, shown -> {
                    BenchChild.mark("ui.rows-shown", System.nanoTime());
                    main.getScene().addPostLayoutPulseListener(PULSES::incrementAndGet);
                    BenchChild.afterNextPulse(main.getScene(), "ui.interactive", ScalingChild::idle);
                });
    }

    /** FX thread at interactive: the idle phases run on a thread of their own. */
    private static void idle() {
        JsonObject out = new JsonObject();
        out.addProperty("rssPeakAtInteractiveKb", BenchChild.procStatusKb("VmHWM"));
        out.addProperty("cpuAtInteractiveNs", BenchChild.processCpuNanos());
        out.addProperty("rows", expectedRows);
        long settleMs = Long.getLong("bench.settleMs", 20_000);
        long idleMs = Long.getLong("bench.idleMs", 30_000);
        long stayMs = Long.getLong("bench.stayMs", 75_000);
        long interactive = System.nanoTime();
        Thread idler = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(settleMs);
                phase("shown", idleMs, out);
                onFx(() -> {
                    stage.setIconified(true);
                    return null;
                });
                TimeUnit.MILLISECONDS.sleep(ICONIFY_SETTLE_MS);
                out.addProperty("iconified", onFx(stage::isIconified));
                phase("hidden", idleMs, out);
                long left = stayMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interactive);
                if (left > 0) TimeUnit.MILLISECONDS.sleep(left);
            } catch (InterruptedException e) {
                return;
            }
            BenchChild.mark("bench.end", System.nanoTime());
            out.addProperty("ok", true);
            out.addProperty("rssPeakKb", BenchChild.procStatusKb("VmHWM"));
            out.add("marks", BenchChild.marksJson());
            BenchChild.emit(out);
            System.exit(0);
        }, "bench-idle");
        idler.setDaemon(true);
        idler.start();
    }

    /** {@code ms} of idleness: CPU time of the process and pulses of the window at both ends, marked. */
    private static void phase(String name, long ms, JsonObject out) throws InterruptedException {
        long cpu = BenchChild.processCpuNanos();
        long pulses = PULSES.get();
        Map<String, Long> threads = ThreadCpu.now();
        long start = System.nanoTime();
        BenchChild.mark("idle." + name + ".start", start);
        TimeUnit.MILLISECONDS.sleep(ms);
        long end = System.nanoTime();
        BenchChild.mark("idle." + name + ".end", end);
        out.addProperty(name + "CpuNs", BenchChild.processCpuNanos() - cpu);
        out.addProperty(name + "Pulses", PULSES.get() - pulses);
        out.addProperty(name + "BusiestThreads", ThreadCpu.top(threads, ThreadCpu.now(), (end - start) / 1e6, 5));
    }

    private static <T> T onFx(Supplier<T> what) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(what.get()));
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }
}
