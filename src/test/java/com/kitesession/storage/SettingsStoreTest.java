package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.session.KiteProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void noFileMeansNoProfileAndNoProblem() {
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertTrue(loaded.profile().isEmpty());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void roundTripsTheProfileOwnerOnlyWithNoTempFilesLeft() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        KiteProfile profile = KiteProfile.forKite("My Kite app", "abc123", "http://127.0.0.1/kite-redirect", null);
        store.save(profile);
        assertEquals(profile, store.load().profile().orElseThrow());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(store.file()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only settings.json remains");
        }
    }

    @Test
    void garbageIsReportedAndSetAsideNotLost() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"profile\": {\"apiKey\": ");
        SettingsStore.Loaded loaded = store.load();
        assertTrue(loaded.profile().isEmpty());
        assertTrue(loaded.problem().orElseThrow().contains("damaged"));
        Path corrupt = dir.resolve("settings.json.corrupt");
        assertEquals("{\"profile\": {\"apiKey\": ", Files.readString(corrupt));
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void saveReplacesAtomicallyKeepingTheOldVersionUntilTheRename() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(KiteProfile.forKite("A", "first", "http://127.0.0.1/a", null));
        store.save(KiteProfile.forKite("A", "second", "http://127.0.0.1/a", null));
        assertEquals("second", store.load().profile().orElseThrow().apiKey());
    }
}
