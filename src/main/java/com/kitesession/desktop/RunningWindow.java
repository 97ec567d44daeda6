package com.kitesession.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The window running on a settings folder, as the command line reaches it: the same hand-off a
 * second launch makes ({@link SingleInstance}), but a command never becomes the window itself.
 */
public final class RunningWindow {
    private RunningWindow() {}

    /**
     * Hands {@code args} to the window running on {@code folder}: true when it took them, false
     * when none runs. A window that holds the lock but has not answered yet (it is starting) is
     * given up to {@code patience}.
     *
     * @throws IOException when the lock's holder never answered
     */
    public static boolean handOff(Path folder, List<String> args, Duration patience) throws IOException {
        List<String> handed = List.copyOf(args);
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) return false;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<InstanceHandOff.Info> info = InstanceHandOff.readInfo(dir);
            if (info.isPresent() && InstanceHandOff.handOff(info.get(), handed)) return true;
            if (!SingleInstance.lockHeld(dir.resolve(SingleInstance.LOCK_FILE))) return false;
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("A Kite Session Manager window holds " + dir.resolve(SingleInstance.LOCK_FILE)
                        + " but did not answer within " + patience.toSeconds() + " s.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the running window.", e);
            }
        }
    }
}
