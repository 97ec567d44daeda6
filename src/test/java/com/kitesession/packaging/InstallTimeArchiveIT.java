package com.kitesession.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonParser;
import com.kitesession.packaging.ImageLauncher.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive made where the image lands (lib/app/make-cds-archive.sh, what the .deb's postinst runs
 * for /opt/kite-session): on a copy of the built image in another folder, as an install places it,
 * the script makes an archive the launcher maps there; when it cannot, it leaves the .cfg as shipped
 * and exits 0; a moved image whose archive no longer fits still prints only its JSON.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class InstallTimeArchiveIT {
    private static final String SCRIPT = "lib/app/make-cds-archive.sh";
    private static final String CLASS_LIST = "lib/app/kite-session.classlist";
    private static final String ARCHIVE = "lib/app/kite-session.jsa";
    private static final String CFG = "lib/app/kite-session.cfg";
    private static final String ARCHIVE_OPTION = "java-options=-XX:SharedArchiveFile=$APPDIR/kite-session.jsa";
    private static final String MAIN_FROM_ARCHIVE = "com.kitesession.Main source: shared objects file";

    @TempDir
    Path home;

    @BeforeEach
    void needsTheClassList() {
        assumeFalse(Boolean.getBoolean("kite.appCds.skip"), "built with -Dapp-cds.skip=true");
        assertTrue(Files.isRegularFile(AppImageIT.builtImage().resolve(CLASS_LIST)),
                "no class list in the image: the training run failed, see target/jpackage/cds-training.log");
    }

    @Test
    void inAnotherFolderTheScriptMakesAnArchiveTheLauncherMapsThere() throws Exception {
        Path image = asShipped(home.resolve("opt/kite-session"));

        Run made = makeArchive(image);

        assertEquals(0, made.exit(), made.describe());
        assertTrue(Files.size(image.resolve(ARCHIVE)) > 0, made.describe());
        assertTrue(Files.readAllLines(image.resolve(CFG)).contains(ARCHIVE_OPTION), "the .cfg names the archive");
        assertAppClassesFromTheArchive(image);
    }

    @Test
    void movedAwayFromItsArchiveTheImageStillPrintsOnlyItsJsonAndARerunFitsItAgain() throws Exception {
        Path first = asShipped(home.resolve("first/kite-session"));
        assertEquals(0, makeArchive(first).exit());
        Path moved = home.resolve("moved/kite-session");
        Files.createDirectories(moved.getParent());
        Files.move(first, moved);

        Path classes = home.resolve("moved-classes.log");
        Run status = ImageLauncher.of(moved, home).run(List.of("status", "--json"), Map.of(), "-Xlog:class+load:file=" + classes);
        assertEquals(0, status.exit(), status.describe());
        assertTrue(JsonParser.parseString(status.out()).isJsonArray(), status.describe());
        assertFalse(Files.readString(classes).contains(MAIN_FROM_ARCHIVE), "an archive made for another folder is not used");

        assertEquals(0, makeArchive(moved).exit());
        assertAppClassesFromTheArchive(moved);
    }

    @Test
    void aDamagedClassListLeavesTheCfgAsShippedAndExitsZero() throws Exception {
        Path image = asShipped(home.resolve("damaged/kite-session"));
        Files.writeString(image.resolve(CLASS_LIST), "com/nowhere/Missing\n@lambda-proxy nonsense\n\u0001\u0002garbage\n");

        assertFailsGently(image);
    }

    @Test
    void aRuntimeWithoutBinJavaLeavesTheCfgAsShippedAndExitsZero() throws Exception {
        Path image = asShipped(home.resolve("nojava/kite-session"));
        Files.delete(image.resolve("lib/runtime/bin/java"));

        assertFailsGently(image);
    }

    @Test
    void removeTakesOutTheArchiveAndItsCfgLines() throws Exception {
        Path image = copyOfTheImage(home.resolve("removed/kite-session"));
        String shipped = withoutArchiveLines(Files.readString(image.resolve(CFG)));

        Run removed = run("sh", image.resolve(SCRIPT).toString(), "--remove", image.toString());

        assertEquals(0, removed.exit(), removed.describe());
        assertFalse(Files.exists(image.resolve(ARCHIVE)));
        assertEquals(shipped, Files.readString(image.resolve(CFG)));
    }

    @Test
    void theDebsScriptsRunItAndItsInputCarriesTheScriptAndTheClassList() throws Exception {
        Path jpackage = AppImageIT.builtImage().getParent().getParent();
        assertTrue(Files.readString(jpackage.resolve("linux/postinst"))
                .contains("sh /opt/kite-session/lib/app/make-cds-archive.sh /opt/kite-session 120 || true"));
        assertTrue(Files.readString(jpackage.resolve("linux/prerm"))
                .contains("sh /opt/kite-session/lib/app/make-cds-archive.sh --remove /opt/kite-session || true"));
        // The .deb is built from jpackage's input folder (lib/app), not from the app image.
        assertTrue(Files.size(jpackage.resolve("input/kite-session.classlist")) > 0);
        assertTrue(Files.isRegularFile(jpackage.resolve("input/make-cds-archive.sh")));
    }

    /** Exit 0, one line saying why, no archive, and the .cfg byte for byte as shipped. */
    private void assertFailsGently(Path image) throws Exception {
        byte[] shipped = Files.readAllBytes(image.resolve(CFG));

        Run made = makeArchive(image);

        assertEquals(0, made.exit(), made.describe());
        assertEquals(1, made.out().lines().count(), made.describe());
        assertFalse(Files.exists(image.resolve(ARCHIVE)), made.describe());
        assertEquals(new String(shipped, StandardCharsets.UTF_8), Files.readString(image.resolve(CFG)));
        Run status = ImageLauncher.of(image, home).run(List.of("status", "--json"), Map.of());
        assertEquals(0, status.exit(), status.describe());
    }

    /** -Xshare:on: the JVM refuses to start unless it maps the archive; the app's classes come from it. */
    private void assertAppClassesFromTheArchive(Path image) throws Exception {
        Path classes = Files.createTempFile(home, "classes", ".log");
        Run status = ImageLauncher.of(image, home).run(List.of("status", "--json"), Map.of(),
                "-Xshare:on -Xlog:class+load:file=" + classes);
        assertEquals(0, status.exit(), status.describe());
        assertTrue(JsonParser.parseString(status.out()).isJsonArray(), status.describe());
        String loads = Files.readString(classes);
        assertTrue(loads.contains(MAIN_FROM_ARCHIVE), "Main from the archive");
        assertTrue(loads.contains("com.kitesession.storage.AppSettingsStore source: shared objects file"), "the store too");
    }

    private Run makeArchive(Path image) throws Exception {
        return run("sh", image.resolve(SCRIPT).toString(), image.toString(), "120");
    }

    /** The built image copied to {@code target} as the .deb ships it: no archive, the .cfg as jpackage wrote it. */
    private Path asShipped(Path target) throws Exception {
        Path image = copyOfTheImage(target);
        Files.deleteIfExists(image.resolve(ARCHIVE));
        Files.writeString(image.resolve(CFG), withoutArchiveLines(Files.readString(image.resolve(CFG))));
        return image;
    }

    private static String withoutArchiveLines(String cfg) {
        return cfg.replace(ARCHIVE_OPTION + "\n", "").replace("java-options=-Xlog:cds=off\n", "");
    }

    private Path copyOfTheImage(Path target) throws Exception {
        Files.createDirectories(target.getParent());
        Run cp = run("cp", "-a", AppImageIT.builtImage().toString(), target.toString());
        assertEquals(0, cp.exit(), cp.describe());
        return target;
    }

    private Run run(String... command) throws Exception {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(200, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(String.join(" ", command), p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
