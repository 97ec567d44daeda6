package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteHosts;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.AppSettingsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during writes: a second JVM writes settings and secrets in a loop and is killed
 * ({@link ProcessHandle#destroyForcibly()}: SIGKILL on Linux) at a random moment, again and again.
 * After every kill both files must read, and hold either the last write the writer finished or
 * the one it was in the middle of: never half of one, never an older one.
 */
class CrashDuringWriteTest {
    static final String COUNTER = "counter";
    private static final int KILLS = 50;
    /** Long enough to land anywhere among a few writes (each a few ms, fsyncs included). */
    private static final int MAX_DELAY_MILLIS = 40;

    @TempDir
    Path folder;

    static KiteProfile counterProfile(String value) {
        return new KiteProfile(COUNTER, value, "k", "http://127.0.0.1/r", null, KiteHosts.LOGIN_BASE, KiteHosts.API_BASE);
    }

    /** Counts writes of one file: the last one finished, and the one that may be under way. */
    private static final class Progress {
        long onDisk;
        long lastDone;
        long next;

        void started(long first) {
            lastDone = onDisk;
            next = first;
        }

        void finished(long n) {
            lastDone = n;
            next = n + 1;
        }

        void check(long found, String what, int kill, long seed) {
            assertTrue(found == lastDone || found == next, () -> what + " after kill " + kill + " (seed " + seed + ") holds "
                    + found + ", neither the last finished write " + lastDone + " nor the one under way " + next);
            onDisk = found;
        }
    }

    @Test
    void killedAtRandomMomentsTheFilesHoldTheOldOrTheNewStateNeverLess() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        char[] passphrase = EncryptedFileSecretStoreTest.PASSPHRASE.toCharArray();
        new AppSettingsStore(folder).update(s -> s.putProfile(counterProfile("0")));
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(folder.resolve("secrets.enc"), EncryptedFileSecretStoreTest.FAST);
        secrets.unlock(passphrase);
        secrets.store(COUNTER, "0");
        Progress settings = new Progress();
        Progress secret = new Progress();
        int killedAfterSomeWrites = 0;
        int leftTempFiles = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long first = Math.max(settings.onDisk, secret.onDisk) + 1;
            settings.started(first);
            secret.started(first);
            Process writer = start(first);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String ready = out.readLine();
                assertEquals("ready", ready, () -> "the writer did not start: " + log());
                // A fresh JVM's first write is slow (classes loading): half the kills wait it out, so
                // that the rest land anywhere in the writes of a warm one.
                if (random.nextBoolean()) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        finished(line, settings, secret);
                        if (line.startsWith("secret")) break;
                    }
                }
                Thread.sleep(random.nextInt(MAX_DELAY_MILLIS + 1));
                // SIGKILL through the handle: Process.destroyForcibly() would also close our end of
                // the pipe, and with it what the writer printed before it died.
                writer.toHandle().destroyForcibly();
                assertTrue(writer.waitFor(20, TimeUnit.SECONDS), "the killed writer is still running");
                // What it printed before it died tells which writes it had finished.
                for (String line = out.readLine(); line != null; line = out.readLine()) finished(line, settings, secret);
            }
            if (settings.next != first) killedAfterSomeWrites++;
            leftTempFiles += tempFiles().size() > 0 ? 1 : 0;

            AppSettingsStore.Loaded loaded = new AppSettingsStore(folder).load();
            int k = kill;
            assertTrue(loaded.problem().isEmpty(), () -> "after kill " + k + ": " + loaded.problem().get());
            settings.check(Long.parseLong(loaded.settings().profile(COUNTER).orElseThrow().name()), "settings.json", kill, seed);
            secrets.lock();
            secrets.unlock(passphrase);
            secret.check(Long.parseLong(secrets.load(COUNTER).orElseThrow()), "secrets.enc", kill, seed);
        }
        System.out.printf("%d kills: %d after a finished write, %d left a temp file (seed %d)%n",
                KILLS, killedAfterSomeWrites, leftTempFiles, seed);
        assertTrue(killedAfterSomeWrites >= KILLS / 4, "too few kills landed after a finished write: " + killedAfterSomeWrites);

        // Whatever temp files the kills left are swept by the next writes, under their locks.
        new AppSettingsStore(folder).update(s -> s.theme = "dark");
        secrets.store(COUNTER, "final");
        assertEquals(List.of(), tempFiles());
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /** "settings 12" or "secret 12": the writer finished that write. */
    private static void finished(String line, Progress settings, Progress secret) {
        String[] parts = line.split(" ");
        (parts[0].equals("settings") ? settings : secret).finished(Long.parseLong(parts[1]));
    }

    /** A small, quickly started JVM: it is started once a kill. */
    private Process start(long first) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                KilledWriterProcess.class.getName(), folder.toString(), String.valueOf(first));
        builder.environment().put("KITE_TEST_PASSPHRASE", EncryptedFileSecretStoreTest.PASSPHRASE);
        builder.redirectError(folder.resolve("writer.log").toFile());
        Process process = builder.start();
        assertNotNull(process);
        return process;
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("writer.log"));
        } catch (IOException e) {
            return "no log";
        }
    }
}
