package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** What a hostile review found in settings.json's handling: folder and lock rights, size. */
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
}
