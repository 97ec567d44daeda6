package com.kitesession.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A window manager on the bench's display for the scaling runs: without one, X has nobody to
 * minimise a window, and "hidden" would measure a window still shown. Openbox when it is on the
 * PATH; on a display that has a window manager already it refuses to start, which is as good.
 */
final class WindowManager {
    private WindowManager() {}

    /** The window manager's process, or null when there is none to start. */
    static Process start(Path log) throws InterruptedException {
        try {
            Process openbox = new ProcessBuilder("openbox", "--sm-disable").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            TimeUnit.MILLISECONDS.sleep(500); // it takes the display within this; one that refuses has ended
            return openbox.isAlive() ? openbox : null;
        } catch (IOException e) {
            return null; // not installed: "hidden" is then whatever the display makes of a minimise
        }
    }

    static void stop(Process windowManager) throws InterruptedException {
        if (windowManager == null) return;
        windowManager.destroy();
        if (!windowManager.waitFor(5, TimeUnit.SECONDS)) windowManager.destroyForcibly();
    }
}
