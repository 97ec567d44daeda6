package com.kitesession.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.kitesession.Main;
import com.kitesession.perf.Milestones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * One benchmark run inside one fresh JVM: starts the real app ({@link Main} with no arguments, so
 * {@code KiteSessionApp} exactly as {@code java -jar kite-session.jar} starts it), listens to the
 * app's {@link Milestones}, and plays the person at machine speed: presses Log in to Kite on the
 * demo profile {@code clickDelayMs} after the window became interactive, presses the Kite page's
 * submit button once the autofill has filled it, and waits for the token view. Then it reads the
 * process's memory and prints one line, {@code BENCH-RESULT {json}}, for {@link BenchRunner}.
 *
 * <p>Every time is {@link System#nanoTime()}: on Linux CLOCK_MONOTONIC, the same clock the runner
 * read just before it started this process.
 */
public final class BenchChild {
    static final String RESULT_PREFIX = "BENCH-RESULT ";
    private static final List<Object[]> MARKS = new ArrayList<>();
    private static long clickDelayMs;
    private static volatile Scene scene;
    private static boolean clicked;
    private static int pagesFilled;
    private static long hwmAtInteractiveKb = -1;
    private static long cpuAtInteractiveNs = -1;
    private static long cpuAtClickNs = -1;

    private BenchChild() {}

    public static void main(String[] args) {
        if (Boolean.getBoolean("bench.scaling")) {
            ScalingChild.main(args);
            return;
        }
        mark("jvm.main", System.nanoTime());
        clickDelayMs = Long.getLong("bench.clickDelayMs", 1000);
        long timeoutMs = Long.getLong("bench.timeoutMs", 60_000);
        Milestones.install(BenchChild::onMark);
        startWatchdog(timeoutMs);
        Main.main(new String[0]);
    }

    /** Ends the run with a failure after {@code timeoutMs}: a run never hangs the benchmark. */
    static void startWatchdog(long timeoutMs) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeoutMs);
            } catch (InterruptedException e) {
                return;
            }
            fail("timed out after " + timeoutMs + " ms");
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static synchronized void mark(String name, long nanos) {
        MARKS.add(new Object[] {name, nanos});
    }

    /** The app's marks, on the thread that made them; some start the next step of the run. */
    private static void onMark(String name, long nanos) {
        mark(name, nanos);
        switch (name) {
            case "app.stage-shown" -> onStageShown();
            case "login.autofilled" -> onPageFilled();
            case "token.shown" -> afterNextPulse(scene, "token.painted", BenchChild::finish);
            default -> { }
        }
    }

    /** FX thread, right after stage.show(): the first frame, then wait for the Login button. */
    private static void onStageShown() {
        Window stage = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        scene = stage.getScene();
        afterNextPulse(scene, "fx.first-pulse", () -> { });
        Button login = (Button) scene.lookup("#login");
        if (login == null) {
            fail("no #login button in the window");
            return;
        }
        if (!login.isDisabled()) {
            loginEnabled(login);
        } else {
            login.disabledProperty().addListener((obs, was, disabled) -> {
                if (!disabled) loginEnabled(login);
            });
        }
    }

    private static void loginEnabled(Button login) {
        if (clicked) return;
        clicked = true;
        mark("ui.login-enabled", System.nanoTime());
        afterNextPulse(scene, "ui.interactive", () -> {
            hwmAtInteractiveKb = procStatusKb("VmHWM");
            cpuAtInteractiveNs = processCpuNanos();
            // A person needs a moment to see the window and reach for the button.
            PauseTransition wait = new PauseTransition(
                    Duration.millis(Math.max(1, clickDelayMs)));
            wait.setOnFinished(e -> {
                cpuAtClickNs = processCpuNanos();
                mark("bench.click", System.nanoTime());
                login.fire();
            });
            wait.play();
        });
    }

    /**
     * FX thread, inside the page's load listener, after the app's autofill ran. On the first page
     * (user id and password) the person confirms: the benchmark presses the submit button, at
     * machine speed, from outside the listener (touching the engine inside it is unsafe). The 2FA
     * page submits itself at six digits.
     */
    private static void onPageFilled() {
        pagesFilled++;
        if (pagesFilled != 1) return;
        Platform.runLater(() -> {
            WebView view = (WebView) scene.lookup("#login-webview");
            Object filled = view.getEngine().executeScript(
                    "(function(){var u=document.getElementById('userid'),p=document.getElementById('password');"
                            + "return !!(u&&p&&u.value&&p.value);})()");
            if (!Boolean.TRUE.equals(filled)) {
                fail("the autofill did not fill the user id and password");
                return;
            }
            mark("bench.submit", System.nanoTime());
            view.getEngine().executeScript("document.querySelector('button[type=submit]').click()");
        });
    }

    /** Marks {@code name} at the end of the next layout pass (the frame that shows the change), then runs {@code then}. */
    static void afterNextPulse(Scene scene, String name, Runnable then) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            mark(name, System.nanoTime());
            scene.removePostLayoutPulseListener(self[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    /** FX thread: the token is shown. Memory is read off the FX thread, then the process ends. */
    private static void finish() {
        Node token = scene.lookup("#token-view");
        if (token == null || !token.isVisible()) {
            fail("the token view is not visible");
            return;
        }
        long cpuAtToken = processCpuNanos();
        Thread reader = new Thread(() -> {
            JsonObject out = new JsonObject();
            out.addProperty("ok", true);
            out.addProperty("cpuAtInteractiveNs", cpuAtInteractiveNs);
            out.addProperty("cpuAtClickNs", cpuAtClickNs);
            out.addProperty("cpuAtTokenNs", cpuAtToken);
            out.add("marks", marksJson());
            out.addProperty("rssPeakKb", procStatusKb("VmHWM"));
            out.addProperty("rssNowKb", procStatusKb("VmRSS"));
            out.addProperty("rssPeakAtInteractiveKb", hwmAtInteractiveKb);
            // Runtime, not java.lang.management: the app image's jlinked runtime has no java.management.
            Runtime rt = Runtime.getRuntime();
            out.addProperty("heapUsedBeforeGcBytes", rt.totalMemory() - rt.freeMemory());
            System.gc();
            out.addProperty("heapUsedAfterGcBytes", rt.totalMemory() - rt.freeMemory());
            out.addProperty("heapCommittedBytes", rt.totalMemory());
            out.addProperty("heapMaxBytes", rt.maxMemory());
            out.addProperty("javafxVersion", System.getProperty("javafx.runtime.version"));
            out.addProperty("javaHome", System.getProperty("java.home"));
            String mapsTo = System.getProperty("bench.mapsTo");
            if (mapsTo != null) writeMemoryMap(Path.of(mapsTo));
            emit(out);
            System.exit(0);
        }, "bench-memory");
        reader.start();
    }

    static void fail(String why) {
        JsonObject out = new JsonObject();
        out.addProperty("ok", false);
        out.addProperty("error", why);
        out.add("marks", marksJson());
        emit(out);
        Runtime.getRuntime().halt(1);
    }

    static synchronized JsonArray marksJson() {
        JsonArray marks = new JsonArray();
        for (Object[] m : MARKS) {
            JsonArray pair = new JsonArray();
            pair.add((String) m[0]);
            pair.add((Long) m[1]);
            marks.add(pair);
        }
        return marks;
    }

    static synchronized void emit(JsonObject out) {
        System.out.println(RESULT_PREFIX + out);
        System.out.flush();
    }

    /**
     * Where the resident memory is, for a look by hand ({@code -Dbench.mapsTo=FILE}): the Rss of
     * /proc/self/smaps added up per mapped file ("[anon]" for the rest), largest first.
     */
    static void writeMemoryMap(Path file) {
        try {
            Map<String, Long> rss = new TreeMap<>();
            String current = "[anon]";
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                if (!line.isEmpty() && Character.isLetterOrDigit(line.charAt(0)) && line.contains("-") && !line.contains(":  ")
                        && line.split("\\s+").length >= 5 && line.split("\\s+")[0].contains("-")) {
                    String[] f = line.trim().split("\\s+", 6);
                    current = f.length == 6 ? f[5] : "[anon]";
                } else if (line.startsWith("Rss:")) {
                    rss.merge(current, Long.parseLong(line.substring(4).replace("kB", "").strip()), Long::sum);
                }
            }
            StringBuilder sb = new StringBuilder();
            rss.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                    .forEach(e -> sb.append(String.format("%8d kB  %s%n", e.getValue(), e.getKey())));
            Files.writeString(file, sb.toString());
        } catch (IOException | RuntimeException e) {
            // a look by hand only
        }
    }

    /** CPU time of the whole process (every thread, user and system) so far. */
    static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(cpu -> cpu.toNanos()).orElse(-1L);
    }

    /** A "Name:   1234 kB" line of /proc/self/status, in kB; -1 where there is none (not Linux). */
    static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no reading
        }
        return -1;
    }
}
