package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.SingleInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A launcher started twice: the second {@code kite-session} (a real JVM running Main with no
 * arguments) finds this window, hands over, and exits without opening a window of its own;
 * this window comes back from the taskbar.
 */
class SecondLaunchTest extends WindowTestBase {
    @TempDir
    Path settingsFolder;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
    }

    @Test
    void aSecondLaunchBringsThisWindowToTheFrontAndExits(FxRobot robot) throws Exception {
        try (SingleInstance.Primary primary = (SingleInstance.Primary) SingleInstance.acquire(settingsFolder, List.of(),
                args -> Platform.runLater(() -> KiteSessionApp.toFront(stage)))) {
            onFx(() -> {
                stage.setIconified(true);
                return null;
            });
            assertTrue(onFx(stage::isIconified));

            Process second = launchMain(settingsFolder);
            try {
                assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second launch ends by itself (no second window)");
                String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, second.exitValue(), out);
                assertTrue(out.contains("already running"), out);
            } finally {
                second.destroyForcibly();
            }

            waitUntil(() -> onFx(() -> !stage.isIconified() && stage.isShowing()), "this window back in front");
        }
    }

    /** {@code java -Dkite.session.home=FOLDER com.kitesession.Main}, as a desktop launcher would start it. */
    private static Process launchMain(Path folder) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dkite.session.home=" + folder, "-Djava.awt.headless=true", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "com.kitesession.Main");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }

}
