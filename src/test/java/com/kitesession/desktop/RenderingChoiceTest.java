package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Software rendering only where no GPU can be used, decided from the device nodes and the person's settings. */
class RenderingChoiceTest {
    @TempDir
    Path dev;

    private RenderingChoice linux(Map<String, String> env) {
        return RenderingChoice.decide("Linux", env, null, dev);
    }

    private void node(String name) throws IOException {
        Files.createDirectories(dev.resolve(name).getParent());
        Files.createFile(dev.resolve(name));
    }

    @Test
    void withoutAnyGpuNodeTheWindowDrawsInSoftware() throws IOException {
        node("null");
        node("tty0");
        Files.createDirectories(dev.resolve("dri/by-path"));
        RenderingChoice choice = linux(Map.of());
        assertTrue(choice.software(), choice.reason());
    }

    @Test
    void aMissingDevFolderAlsoMeansNoGpu() {
        assertTrue(RenderingChoice.decide("Linux", Map.of(), null, dev.resolve("absent")).software());
    }

    @Test
    void anyGpuNodeKeepsJavaFxsOwnProbe() throws IOException {
        for (String gpu : new String[] {"dri/renderD128", "dri/card0", "nvidia0", "dxg"}) {
            Path one = dev.resolve(gpu.replace('/', '-'));
            Files.createDirectories(one);
            Files.createDirectories(one.resolve(gpu).getParent());
            Files.createFile(one.resolve(gpu));
            RenderingChoice choice = RenderingChoice.decide("Linux", Map.of(), null, one);
            assertFalse(choice.software(), gpu + ": " + choice.reason());
        }
    }

    @Test
    void aGpuNodeThisUserMayNotOpenDoesNotCount() throws IOException {
        node("dri/renderD128");
        Files.setPosixFilePermissions(dev.resolve("dri/renderD128"), PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(dev.resolve("dri/renderD128")), "root may open anything");
        assertTrue(linux(Map.of()).software());
    }

    @Test
    void softwareOpenGlForcedByMesaCountsAsNoGpu() throws IOException {
        node("dri/renderD128");
        assertTrue(linux(Map.of("LIBGL_ALWAYS_SOFTWARE", "1")).software());
        assertFalse(linux(Map.of("LIBGL_ALWAYS_SOFTWARE", "0")).software());
    }

    @Test
    void thePersonsSettingWins() throws IOException {
        assertFalse(linux(Map.of(RenderingChoice.OVERRIDE, "probe")).software());
        assertFalse(linux(Map.of(RenderingChoice.OVERRIDE, "es2")).software(), "unknown: JavaFX's own choice");
        node("dri/renderD128");
        assertTrue(linux(Map.of(RenderingChoice.OVERRIDE, " SW ")).software());
        assertFalse(linux(Map.of(RenderingChoice.OVERRIDE, "auto")).software());
    }

    @Test
    void aPrismOrderGivenAtStartWinsOverEverything() {
        RenderingChoice choice = RenderingChoice.decide("Linux", Map.of(RenderingChoice.OVERRIDE, "sw"), "es2,sw", dev);
        assertFalse(choice.software());
        assertEquals("-Dprism.order=es2,sw was given", choice.reason());
    }

    @Test
    void windowsAndMacKeepTheirPipelines() {
        assertFalse(RenderingChoice.decide("Windows 11", Map.of(), null, dev).software());
        assertFalse(RenderingChoice.decide("Mac OS X", Map.of(), null, dev).software());
    }
}
