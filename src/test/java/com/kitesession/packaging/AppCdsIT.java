package com.kitesession.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonParser;
import com.kitesession.packaging.ImageLauncher.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image's AppCDS archive (packaging/cds/train.sh, run by mvn verify before this test): the
 * launcher maps it and takes the app's classes from it; a copy of the image in another folder, and
 * an image whose archive is missing or damaged, still start, with nothing from the JVM on stdout.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AppCdsIT {
    private static final String ARCHIVE = "lib/app/kite-session.jsa";
    private static final String FROM_APP_ARCHIVE = "source: shared objects file";

    @TempDir
    Path home;

    @Test
    void theLauncherTakesTheAppsClassesFromItsArchive() throws Exception {
        assumeFalse(Boolean.getBoolean("kite.appCds.skip"), "built with -Dapp-cds.skip=true");
        Path image = AppImageIT.builtImage();
        assertTrue(Files.size(image.resolve(ARCHIVE)) > 0,
                "no AppCDS archive in the image: the training run failed, see target/jpackage/cds-training.log");
        assertTrue(Files.readString(image.resolve("lib/app/kite-session.cfg"))
                .contains("java-options=-XX:SharedArchiveFile=$APPDIR/kite-session.jsa"), "the launcher's .cfg names the archive");

        // -Xshare:on: the JVM refuses to start unless it maps the archives the .cfg names.
        Run strict = ImageLauncher.of(image, home).run(List.of("help"), Map.of(), "-Xshare:on");
        assertEquals(0, strict.exit(), strict.describe());

        Path classes = home.resolve("class-load.log");
        Run status = ImageLauncher.of(image, home).run(List.of("status", "--json"), Map.of(), "-Xlog:class+load:file=" + classes);
        assertEquals(0, status.exit(), status.describe());
        String loads = Files.readString(classes);
        assertTrue(loads.contains("com.kitesession.Main " + FROM_APP_ARCHIVE), "Main from the app's archive:\n" + appClasses(loads));
        assertTrue(loads.contains("com.kitesession.storage.AppSettingsStore " + FROM_APP_ARCHIVE), appClasses(loads));
    }

    @Test
    void aCopyInAnotherFolderStartsAndKeepsStdoutForTheCommand() throws Exception {
        Path copy = copyOfTheImage();

        assertStartsWithCleanOutput(copy);
    }

    @Test
    void withoutItsArchiveOrWithAnArchiveOfGarbageTheLauncherStillStarts() throws Exception {
        Path copy = copyOfTheImage();
        Files.deleteIfExists(copy.resolve(ARCHIVE));
        assertStartsWithCleanOutput(copy);

        Files.writeString(copy.resolve(ARCHIVE), "not a class-data archive");
        assertStartsWithCleanOutput(copy);

        Files.write(copy.resolve(ARCHIVE), new byte[0]);
        assertStartsWithCleanOutput(copy);
    }

    /** `status --json` exits 0 and prints its JSON alone: what a script reads is never mixed with a JVM warning. */
    private void assertStartsWithCleanOutput(Path image) throws Exception {
        Run status = ImageLauncher.of(image, home).run(List.of("status", "--json"), Map.of());
        assertEquals(0, status.exit(), status.describe());
        assertTrue(JsonParser.parseString(status.out()).isJsonArray(), status.describe());
        assertFalse(status.err().contains("[warning]") || status.err().contains("Error"), status.describe());
    }

    /** The image copied as cp -a does (times kept: the .deb and a tar keep them too). */
    private Path copyOfTheImage() throws Exception {
        Path copy = home.resolve("elsewhere/kite-session");
        Files.createDirectories(copy.getParent());
        Process cp = new ProcessBuilder("cp", "-a", AppImageIT.builtImage().toString(), copy.toString()).inheritIO().start();
        assertTrue(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0, "cp -a of the image");
        return copy;
    }

    private static String appClasses(String loads) {
        return String.join("\n", loads.lines().filter(l -> l.contains(" com.kitesession.")).limit(40).toList());
    }
}
