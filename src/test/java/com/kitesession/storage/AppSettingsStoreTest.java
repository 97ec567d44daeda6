package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteHosts;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsStoreTest {
    private static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-11-24T00:30:00Z");

    @TempDir
    Path dir;

    private static KiteProfile profile(String id, String name) {
        return new KiteProfile(id, name, "key" + id, "http://127.0.0.1/redirect", "AB" + id,
                KiteHosts.LOGIN_BASE, KiteHosts.API_BASE);
    }

    /** Settings with every field set away from its default. */
    private static void fill(AppSettings s) {
        s.profiles.add(profile("p1", "First"));
        s.profiles.add(new KiteProfile("p2", "Second", "key2", "http://127.0.0.1:8080/cb", null,
                "http://127.0.0.1:9000", "http://127.0.0.1:9000"));
        s.defaultProfileId = "p2";
        s.lastProfileId = "p1";
        s.sessions.put("p1", new SessionRecord("AB1", "Ann B", LOGIN.plusNanos(123_456_789), EXPIRY,
                LOGIN.plusSeconds(60), LivenessVerdict.REFUSED));
        s.sessions.put("p2", new SessionRecord("CD2", "Cy D", LOGIN, EXPIRY, null, null));
        s.exports.put("p1", new AppSettings.TokenExport("/home/me/kite.json", AppSettings.ExportFormat.JSON));
        s.exports.put("p2", new AppSettings.TokenExport("/home/me/kite.env", AppSettings.ExportFormat.ENV));
        s.livenessMinutes = 11;
        s.clipboardClearSeconds = 30;
        s.expiryTime = "07:30";
        s.window = new AppSettings.WindowPlacement(10.5, 20, 800, 600.25, true);
    }

    private static void assertSameSettings(AppSettings expected, AppSettings actual) {
        assertEquals(expected.version, actual.version);
        assertEquals(expected.profiles, actual.profiles);
        assertEquals(expected.defaultProfileId, actual.defaultProfileId);
        assertEquals(expected.lastProfileId, actual.lastProfileId);
        assertEquals(expected.sessions, actual.sessions);
        assertEquals(expected.exports, actual.exports);
        assertEquals(expected.livenessMinutes, actual.livenessMinutes);
        assertEquals(expected.clipboardClearSeconds, actual.clipboardClearSeconds);
        assertEquals(expected.expiryTime, actual.expiryTime);
        assertEquals(expected.window, actual.window);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Loads settings.json holding {@code json}, which must load without a problem. */
    private AppSettings loadClean(String json) throws IOException {
        Files.writeString(dir.resolve("settings.json"), json);
        AppSettingsStore.Loaded loaded = new AppSettingsStore(dir).load();
        assertTrue(loaded.problem().isEmpty(), loaded.problem().orElse(""));
        return loaded.settings();
    }

    @Test
    void noFileMeansDefaultsAndNoProblem() {
        AppSettingsStore.Loaded loaded = new AppSettingsStore(dir).load();
        assertTrue(loaded.problem().isEmpty());
        assertSameSettings(new AppSettings(), loaded.settings());
        assertFalse(Files.exists(dir.resolve("settings.json")), "loading alone writes no settings");
    }

    @Test
    void roundTripsEveryFieldOwnerOnly() throws Exception {
        AppSettings expected = new AppSettings();
        fill(expected);
        AppSettings saved = new AppSettingsStore(dir).update(AppSettingsStoreTest::fill);
        assertSameSettings(expected, saved);

        AppSettingsStore.Loaded loaded = new AppSettingsStore(dir).load();
        assertTrue(loaded.problem().isEmpty());
        assertSameSettings(expected, loaded.settings());

        String json = Files.readString(dir.resolve("settings.json"));
        assertTrue(json.contains("\"2026-11-24T00:30:00Z\""), "instants are ISO-8601 text: " + json);
        assertTrue(json.contains("\"REFUSED\""), json);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.json"))));
        assertEquals(List.of("settings.json", "settings.json.lock"), filesInDir(), "no temp file left");
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesGetDefaults() throws Exception {
        AppSettings s = loadClean("{\"version\":2,\"fromTheFuture\":{\"x\":1},"
                + "\"profiles\":[{\"id\":\"p1\",\"name\":\"A\",\"apiKey\":\"k\",\"newField\":true},{\"name\":\"no id\"}],"
                + "\"sessions\":null}");
        assertEquals(List.of("p1"), s.profiles.stream().map(KiteProfile::id).toList(), "a profile without id is dropped");
        assertTrue(s.sessions.isEmpty());
        assertTrue(s.exports.isEmpty());
        assertEquals(5, s.livenessMinutes);
        assertEquals("06:00", s.expiryTime);
        assertNull(s.window);
    }

    @Test
    void updateReturnsACopyAndKeepsThePreviousVersionAsBackup() throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.profiles.add(profile("p1", "First")));
        AppSettings saved = store.update(s -> s.profiles.add(profile("p2", "Second")));
        saved.profiles.clear();
        assertEquals(2, store.load().settings().profiles.size(), "the returned copy is detached from the file");
        assertEquals(1, SettingsJson.parse(Files.readString(dir.resolve("settings.json.bak"))).profiles.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.json.bak"))));
    }

    @Test
    void aFailingChangeWritesNothingAndReleasesTheLock() throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.profiles.add(profile("p1", "First")));
        String before = Files.readString(store.file());
        assertThrows(IllegalStateException.class, () -> store.update(s -> {
            s.profiles.clear();
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals(before, Files.readString(store.file()));
        store.update(s -> s.livenessMinutes = 7); // would hang or throw if the lock were still held
        assertEquals(7, store.load().settings().livenessMinutes);
    }

    @Test
    void aTruncatedFileIsReportedAndTheLastGoodVersionUsed() throws Exception {
        damagedFileIsReportedAndRepaired(full -> full.substring(0, full.length() / 2));
    }

    @Test
    void aFileOfGarbageIsReportedAndTheLastGoodVersionUsed() throws Exception {
        damagedFileIsReportedAndRepaired(full -> "\u0000\u0001 not json at all }{");
    }

    @Test
    void anEmptyFileIsReportedAndTheLastGoodVersionUsed() throws Exception {
        damagedFileIsReportedAndRepaired(full -> "");
    }

    private void damagedFileIsReportedAndRepaired(UnaryOperator<String> damage) throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.profiles.add(profile("p1", "First")));
        store.update(s -> s.profiles.add(profile("p2", "Second")));
        String damaged = damage.apply(Files.readString(store.file()));
        Files.writeString(store.file(), damaged);

        AppSettingsStore.Loaded loaded = new AppSettingsStore(dir).load();
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("damaged"), problem);
        assertTrue(problem.contains("last good version"), problem);
        assertEquals(List.of("p1"), loaded.settings().profiles.stream().map(KiteProfile::id).toList());

        Path kept = filesInDir().stream().filter(n -> n.startsWith("settings.json.corrupt-")).map(dir::resolve)
                .findFirst().orElseThrow();
        assertTrue(problem.contains(kept.toString()), "the problem says where the damaged copy is: " + problem);
        assertEquals(damaged, Files.readString(kept), "the damaged copy is kept as it was");

        AppSettingsStore.Loaded again = store.load();
        assertTrue(again.problem().isEmpty(), "repaired once, reported once");
        assertEquals(2, store.update(s -> s.profiles.add(profile("p3", "Third"))).profiles.size());
    }

    @Test
    void aDamagedFileWithoutBackupStartsFreshButKeepsTheDamagedCopy() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":2,\"profiles\":[{\"id\":");
        AppSettingsStore.Loaded loaded = new AppSettingsStore(dir).load();
        assertTrue(loaded.problem().orElseThrow().contains("No earlier good version"), loaded.problem().get());
        assertTrue(loaded.settings().profiles.isEmpty());
        assertEquals(1, filesInDir().stream().filter(n -> n.startsWith("settings.json.corrupt-")).count());
    }

    @Test
    void anUpdateOverADamagedFileStartsFromTheBackupAndKeepsTheDamagedCopy() throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.profiles.add(profile("p1", "First")));
        store.update(s -> s.profiles.add(profile("p2", "Second")));
        Files.writeString(store.file(), "{\"profi");
        AppSettings saved = store.update(s -> s.profiles.add(profile("p3", "Third")));
        assertEquals(List.of("p1", "p3"), saved.profiles.stream().map(KiteProfile::id).toList());
        assertEquals(1, filesInDir().stream().filter(n -> n.startsWith("settings.json.corrupt-")).count());
        assertEquals(1, SettingsJson.parse(Files.readString(dir.resolve("settings.json.bak"))).profiles.size(),
                "the backup is never replaced by a damaged file");
    }

    @Test
    void version1WithARealKiteProfileBecomesTheSingleProfileOnce() throws Exception {
        AppSettings migrated = loadClean("""
                {
                  "version": 1,
                  "profile": {
                    "name": "My Kite app",
                    "apiKey": "abc123",
                    "redirectUrl": "http://127.0.0.1/kite-redirect",
                    "loginBase": "https://kite.zerodha.com",
                    "apiBase": "https://api.kite.trade/"
                  }
                }""");
        KiteProfile p = migrated.profiles.get(0);
        assertEquals(1, migrated.profiles.size());
        assertEquals("My Kite app", p.name());
        assertEquals("abc123", p.apiKey());
        assertEquals("http://127.0.0.1/kite-redirect", p.redirectUrl());
        assertEquals(KiteHosts.LOGIN_BASE, p.loginBase());
        assertEquals(KiteHosts.API_BASE, p.apiBase());
        assertFalse(p.isDemo());
        assertEquals(p.id(), migrated.defaultProfileId);

        // The new id is saved at once, so secrets filed under it stay findable.
        AppSettings reloaded = new AppSettingsStore(dir).load().settings();
        assertEquals(p.id(), reloaded.profiles.get(0).id());
        assertEquals(AppSettings.VERSION, reloaded.version);
        assertTrue(Files.readString(dir.resolve("settings.json.v1")).contains("\"version\": 1"), "the old file is kept");
        assertEquals(p.id(), SettingsJson.parse(Files.readString(dir.resolve("settings.json.bak"))).profiles.get(0).id(),
                "a damaged file later falls back to the migrated version, not to a second migration");
    }

    @Test
    void version1WithTheDemoProfileMigratesToNoProfiles() throws Exception {
        AppSettings migrated = loadClean("{\"version\":1,\"profile\":{\"name\":\"Demo\",\"apiKey\":\"kitesim_demo\","
                + "\"redirectUrl\":\"http://127.0.0.1/kite-redirect\",\"loginBase\":\"http://127.0.0.1:5000\","
                + "\"apiBase\":\"http://127.0.0.1:5000\"}}");
        assertTrue(migrated.profiles.isEmpty());
        assertNull(migrated.defaultProfileId);
    }

    @Test
    void twoStoresTakingTurnsLoseNothing() throws Exception {
        AppSettingsStore gui = new AppSettingsStore(dir);
        AppSettingsStore cli = new AppSettingsStore(dir);
        for (int i = 0; i < 20; i++) {
            int n = i;
            gui.update(s -> s.profiles.add(profile("gui" + n, "G" + n)));
            cli.update(s -> s.profiles.add(profile("cli" + n, "C" + n)));
        }
        assertEquals(40, gui.load().settings().profiles.size());
    }

    @Test
    void concurrentWritersInThreadsLoseNothing() throws Exception {
        List<AppSettingsStore> stores = List.of(new AppSettingsStore(dir), new AppSettingsStore(dir));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                AppSettingsStore store = stores.get(w % 2);
                String writer = "w" + w;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = writer + "-" + i;
                        store.update(s -> s.profiles.add(profile(id, id)));
                        store.load(); // readers in between must never see a half-written file
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) f.get();
        } finally {
            pool.shutdownNow();
        }
        AppSettingsStore.Loaded loaded = stores.get(0).load();
        assertTrue(loaded.problem().isEmpty());
        Set<String> ids = new HashSet<>();
        loaded.settings().profiles.forEach(p -> ids.add(p.id()));
        assertEquals(100, ids.size());
    }

    @Test
    void concurrentWritersInTwoProcessesLoseNothing() throws Exception {
        // A second JVM on the same folder: FileChannel.lock() is what keeps them apart.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SettingsWriterProcess.class.getName(), dir.toString(), "child", "60")
                .redirectErrorStream(true).start();
        AppSettingsStore store = new AppSettingsStore(dir);
        // Start once the child is writing, so the two really overlap.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (store.load().settings().profiles.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        for (int i = 0; i < 30; i++) {
            String id = "parent-" + i;
            store.update(s -> s.profiles.add(profile(id, id)));
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertEquals(90, store.load().settings().profiles.size());
    }

    @Test
    void aWriteInterruptedBeforeTheRenameLosesNothing() throws Exception {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.profiles.add(profile("p1", "First")));
        // What a crash between writing the temp file and renaming it leaves behind.
        Path leftover = dir.resolve(".settings.json4711.tmp");
        Files.writeString(leftover, "{\"version\":2,\"profiles\":[{\"id\":\"p2\"");

        AppSettingsStore restarted = new AppSettingsStore(dir);
        AppSettingsStore.Loaded loaded = restarted.load();
        assertTrue(loaded.problem().isEmpty());
        assertEquals(List.of("p1"), loaded.settings().profiles.stream().map(KiteProfile::id).toList());

        restarted.update(s -> s.profiles.add(profile("p2", "Second")));
        assertEquals(2, restarted.load().settings().profiles.size());
        assertFalse(Files.exists(leftover), "the stale temp file is tidied up under the lock");
    }

    @Test
    void noSecretFieldIsEverWritten() throws Exception {
        new AppSettingsStore(dir).update(AppSettingsStoreTest::fill);
        String json = Files.readString(dir.resolve("settings.json")).toLowerCase();
        assertFalse(json.contains("secret") || json.contains("password") || json.contains("access_token"), json);
        assertNotEquals(0, json.length());
    }
}
