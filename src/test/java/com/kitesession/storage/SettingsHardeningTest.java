package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile review found in settings.json's handling: folder and lock rights, size, hand edits. */
class SettingsHardeningTest {
    @TempDir
    Path dir;

    private String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private AppSettingsStore.Loaded load(String json) throws Exception {
        Files.writeString(dir.resolve("settings.json"), json);
        return new AppSettingsStore(dir).load();
    }

    @Test
    void theLockFileIsTheOwnersOnly() throws Exception {
        new AppSettingsStore(dir).update(s -> s.theme = "dark");
        assertEquals("rw-------", permissions(dir.resolve("settings.json.lock")));
    }

    @Test
    void aFolderOpenToOthersIsNarrowedAtStartAndTheLogSaysSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("kite-session"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(AppSettingsStore.class.getName());
        log.addHandler(handler);
        try {
            new AppSettingsStore(folder).load();
        } finally {
            log.removeHandler(handler);
        }
        assertEquals("rwx------", permissions(folder));
        assertTrue(logged.stream().anyMatch(m -> m.contains("rwxr-xr-x") && m.contains("owner's only")), logged.toString());
    }

    @Test
    void aSettingsFileOverOneMegabyteIsKeptAsideUnreadAndTheBackupUsed() throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.theme = "dark");
        store.update(s -> s.theme = "light");
        // Valid JSON, so the old code read all of it: a few GB of it would end in an OutOfMemoryError.
        String huge = "{\"theme\":\"dark\"" + " ".repeat(AppSettingsStore.MAX_FILE_BYTES) + "}";
        AppSettingsStore.Loaded loaded = load(huge);

        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("larger than 1 MB"), problem);
        assertTrue(problem.contains("settings.json.corrupt-"), problem);
        assertEquals("dark", loaded.settings().theme, "the backup (the last good version before) is used");
        try (Stream<Path> files = Files.list(dir)) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-")).findFirst().orElseThrow();
            assertEquals(huge.length(), Files.size(kept), "the damaged file is kept whole");
        }
        assertTrue(Files.size(dir.resolve("settings.json")) < 10_000);
    }

    @Test
    void anExpiryTimeThatIsNoTimeFallsBackToSixWithANote() throws Exception {
        AppSettingsStore.Loaded loaded = load("{\"version\":2,\"expiryTime\":\"6am\"}");
        assertEquals("06:00", loaded.settings().expiryTime);
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("expiryTime \"6am\"") && problem.contains("06:00"), problem);
    }

    @Test
    void everyHandEditedValueTheAppCannotUseIsReplacedAndNamed() throws Exception {
        AppSettingsStore.Loaded loaded = load("{\"version\":2,\"expiryTime\":\"25:99\",\"livenessMinutes\":0,"
                + "\"clipboardClearSeconds\":-5,\"preMarketReminder\":\"soon\",\"theme\":\"purple\","
                + "\"window\":{\"x\":0,\"y\":0,\"width\":1e308,\"height\":500,\"maximized\":false},"
                + "\"exports\":{\"p1\":{\"path\":\"token.json\",\"format\":\"JSON\"},"
                + "\"p2\":{\"path\":\"" + dir.resolve("t.env").toString().replace("\\", "\\\\") + "\",\"format\":\"yaml\"}}}");
        AppSettings s = loaded.settings();
        assertEquals("06:00", s.expiryTime);
        assertEquals(AppSettings.DEFAULT_LIVENESS_MINUTES, s.livenessMinutes);
        assertEquals(0, s.clipboardClearSeconds);
        assertEquals("08:45", s.preMarketReminder);
        assertEquals("system", s.theme);
        assertNull(s.window);
        assertEquals(List.of("p2"), List.copyOf(s.exports.keySet()), "a relative export path is dropped");
        assertEquals(AppSettings.ExportFormat.JSON, s.exports.get("p2").format());
        String problem = loaded.problem().orElseThrow();
        for (String named : List.of("expiryTime", "livenessMinutes", "clipboardClearSeconds", "preMarketReminder",
                "theme", "window placement", "token.json", "format")) {
            assertTrue(problem.contains(named), named + " missing from: " + problem);
        }
    }

    @Test
    void usableHandEditsLoadCleanInTheAppsOwnForm() throws Exception {
        AppSettingsStore.Loaded loaded = load("{\"version\":2,\"expiryTime\":\"7:30\",\"preMarketReminder\":\"\","
                + "\"theme\":\"Dark\",\"livenessMinutes\":60,\"clipboardClearSeconds\":3600,"
                + "\"window\":{\"x\":-1920,\"y\":0,\"width\":800,\"height\":600,\"maximized\":true}}");
        assertTrue(loaded.problem().isEmpty(), loaded.problem().orElse(""));
        assertEquals("07:30", loaded.settings().expiryTime);
        assertEquals("", loaded.settings().preMarketReminder);
        assertEquals("dark", loaded.settings().theme);
        assertEquals(-1920, loaded.settings().window.x());
    }

    @Test
    void aNoteQuotesAPastedValueCutShort() throws Exception {
        String problem = load("{\"version\":2,\"theme\":\"" + "x".repeat(5000) + "\"}").problem().orElseThrow();
        assertTrue(problem.length() < 500, problem);
    }

    @Test
    void aHandEditedCommandAfterLoginIsKeptOrDroppedWithANote() throws Exception {
        AppSettingsStore.Loaded loaded = load("{\"version\":2,\"afterLogin\":{\"p1\":\"  systemctl --user restart mybot \","
                + "\"p2\":\"\",\"p3\":null,\"p4\":\"echo a\\necho b\"}}");
        AppSettings s = loaded.settings();
        assertEquals(List.of("p1"), List.copyOf(s.afterLogin.keySet()));
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("command after login") && problem.contains("one line"), problem);
        assertTrue(load("{\"version\":2}").settings().afterLogin.isEmpty(), "an older file has no commands");
    }

    @Test
    void removingAProfileForgetsItsCommand() {
        AppSettings s = new AppSettings();
        s.afterLogin.put("p1", "true");
        s.removeProfile("p1");
        assertTrue(s.afterLogin.isEmpty());
    }
}
