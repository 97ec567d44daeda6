package com.kitesession.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.packaging.ImageLauncher.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image's shell launcher (packaging/launcher/launcher.sh, in place of jpackage's native one):
 * it never asks the package manager who owns it, it passes every argument through whole, it finds
 * its image through a link (the .deb's /usr/bin/kite-session), and the process carries the app's
 * name and the launcher's path as jpackage's would.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinuxLauncherIT {
    @TempDir
    Path home;

    private static Path image() {
        return AppImageIT.builtImage();
    }

    @Test
    void javaStartsWithoutAskingRpmOrDpkgWhichPackageOwnsTheLauncher() throws Exception {
        // Stand-ins for rpm and dpkg, first on the PATH, that leave a mark when run: jpackage's native
        // launcher runs both (twice) before Java starts, which costs a dpkg -S over every package.
        Path bin = Files.createDirectories(home.resolve("fake-bin"));
        Path asked = home.resolve("package-manager-asked");
        for (String tool : List.of("rpm", "dpkg", "dpkg-query")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\" >>'" + asked + "'\nexit 1\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

        Run status = ImageLauncher.of(image(), home).run(List.of("status", "--json"), Map.of("PATH", path));

        assertEquals(0, status.exit(), status.describe());
        assertEquals("[]", status.out().strip(), status.describe());
        assertFalse(Files.exists(asked), () -> "the launcher ran: " + read(asked));
    }

    @Test
    void everyArgumentArrivesWholeSpacesQuotesAndDollarsIncluded() throws Exception {
        String odd = "no  such 'command' \"$HOME\" $APPDIR *";

        Run run = ImageLauncher.of(image(), home).run(List.of(odd, "--second"), Map.of());

        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("Unknown command: " + odd), run.describe());
    }

    @Test
    void throughALinkItFindsItsImageAndTheProcessCarriesTheAppsNameAndLauncher() throws Exception {
        Path link = Files.createSymbolicLink(home.resolve("kite-session"), image().resolve("bin/kite-session").toAbsolutePath());
        Process sim = new ImageLauncher(link, home).start(List.of("sim", "--port", "0"), Map.of());
        try {
            // The sim prints its address once it listens; by then the JVM runs under the launcher's pid.
            String first = new String(sim.getInputStream().readNBytes(10), StandardCharsets.UTF_8);
            assertTrue(first.startsWith("base-url"), first);
            Path proc = Path.of("/proc", Long.toString(sim.pid()));
            assertEquals("kite-session", Files.readString(proc.resolve("comm")).strip());
            String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            Path launcher = image().resolve("bin/kite-session").toRealPath();
            assertTrue(cmdline.contains("-Djpackage.app-path=" + launcher + " "), cmdline);
            assertTrue(cmdline.contains("-XX:+UseSerialGC"), "the .cfg's options: " + cmdline);
            assertTrue(cmdline.contains(" com.kitesession.Main sim --port 0"), cmdline);
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
