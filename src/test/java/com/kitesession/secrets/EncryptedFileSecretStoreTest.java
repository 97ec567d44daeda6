package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {
    /** Low on purpose, to keep the suite fast; defaultIterations checks the real number. */
    static final int FAST = 1_000;
    static final String PASSPHRASE = "correct horse battery staple";
    static final String SECRET = "kite-api-secret-9d2f7c41";

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("secrets.enc");
    }

    private EncryptedFileSecretStore unlocked() throws SecretStoreException {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file(), FAST);
        store.unlock(PASSPHRASE.toCharArray());
        return store;
    }

    private static EncryptedFileSecretStore.Header header(Path file) throws Exception {
        return EncryptedFileSecretStore.Header.parse(Files.readAllBytes(file), file);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    @Test
    void firstUnlockSetsThePassphraseAndCreatesTheFile() throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file(), FAST);
        assertFalse(store.exists());
        assertFalse(store.isUnlocked());
        store.unlock(PASSPHRASE.toCharArray());
        assertTrue(store.exists());
        assertTrue(store.isUnlocked());
        assertEquals("encrypted file " + file().toAbsolutePath(), store.describe());
    }

    @Test
    void reopeningWithThePassphraseReadsEverythingBack() throws Exception {
        EncryptedFileSecretStore first = unlocked();
        Map<String, String> secrets = SecretStoreContractTest.oneOfEachKind();
        for (var e : secrets.entrySet()) first.store(e.getKey(), e.getValue());

        EncryptedFileSecretStore again = new EncryptedFileSecretStore(file(), FAST);
        assertTrue(again.exists());
        again.unlock(PASSPHRASE.toCharArray());
        for (var e : secrets.entrySet()) assertEquals(Optional.of(e.getValue()), again.load(e.getKey()));
    }

    @Test
    void wrongPassphraseIsRefusedInPlainWordsWithoutSecrets() throws Exception {
        unlocked().store(SecretNames.apiSecret("ZX1234"), SECRET);

        EncryptedFileSecretStore other = new EncryptedFileSecretStore(file(), FAST);
        String wrong = "not the passphrase 4711";
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> other.unlock(wrong.toCharArray()));
        assertEquals("The passphrase is wrong, or the secrets file was changed.", e.getMessage());
        for (String text : List.of(e.getMessage(), e.toString(), other.toString())) {
            assertFalse(text.contains(wrong), text);
            assertFalse(text.contains(PASSPHRASE), text);
            assertFalse(text.contains(SECRET), text);
        }
        assertFalse(other.isUnlocked());
        SecretStoreException locked = assertThrows(SecretStoreException.class, () -> other.load(SecretNames.apiSecret("ZX1234")));
        assertEquals("The encrypted secrets file is locked: enter the passphrase first.", locked.getMessage());
    }

    @Test
    void emptyPassphraseIsRefused() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file(), FAST);
        assertThrows(SecretStoreException.class, () -> store.unlock(new char[0]));
        assertFalse(store.exists());
        assertFalse(store.isUnlocked());
    }

    @Test
    void lockedStoreRefusesEveryOperationUntilUnlocked() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        store.store("name", SECRET);
        store.lock();
        assertFalse(store.isUnlocked());
        for (var op : List.<Executable>of(
                () -> store.store("name", "x"), () -> store.load("name"), () -> store.delete("name"))) {
            SecretStoreException e = assertThrows(SecretStoreException.class, op);
            assertEquals(EncryptedFileSecretStore.LOCKED, e.getMessage());
        }
        store.unlock(PASSPHRASE.toCharArray());
        assertEquals(Optional.of(SECRET), store.load("name"));
    }

    @Test
    void fileHoldsNoSecretNoNameAndNoPassphraseInPlainText() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        String name = SecretNames.totpSecret("ZX1234");
        store.store(name, SECRET);
        byte[] bytes = Files.readAllBytes(file());

        for (String text : List.of(SECRET, PASSPHRASE, name)) {
            assertFalse(contains(bytes, text.getBytes(StandardCharsets.UTF_8)), text);
            assertFalse(contains(bytes, text.getBytes(StandardCharsets.UTF_16LE)), text);
            assertFalse(contains(bytes, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII)), text);
        }
        assertFalse(store.toString().contains(SECRET));
    }

    @Test
    void defaultIterationsAreAtLeast600000AndWrittenInTheHeader() throws Exception {
        assertTrue(EncryptedFileSecretStore.DEFAULT_ITERATIONS >= 600_000);
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file()); // the real, slow setting
        store.unlock(PASSPHRASE.toCharArray());
        store.store("name", SECRET);
        EncryptedFileSecretStore.Header header = header(file());
        assertTrue(header.iterations() >= 600_000, "iterations " + header.iterations());
        assertEquals(1, header.version());
        assertEquals(16, header.salt().length);
        assertEquals(12, header.nonce().length);

        EncryptedFileSecretStore again = new EncryptedFileSecretStore(file());
        again.unlock(PASSPHRASE.toCharArray());
        assertEquals(Optional.of(SECRET), again.load("name"));
    }

    @Test
    void everyWriteHasAFreshNonceAndDifferentCiphertextButTheSameSalt() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        store.store("name", SECRET);
        byte[] first = Files.readAllBytes(file());
        store.store("name", SECRET); // the very same content again
        byte[] second = Files.readAllBytes(file());

        var h1 = EncryptedFileSecretStore.Header.parse(first, null);
        var h2 = EncryptedFileSecretStore.Header.parse(second, null);
        assertFalse(Arrays.equals(h1.nonce(), h2.nonce()), "nonce reused");
        assertArrayEquals(h1.salt(), h2.salt());
        int h = EncryptedFileSecretStore.HEADER_LENGTH;
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, h, first.length), Arrays.copyOfRange(second, h, second.length)));
    }

    @Test
    void eachNewFileGetsItsOwnSalt() throws Exception {
        unlocked();
        Path otherFile = folder.resolve("other").resolve("secrets.enc");
        new EncryptedFileSecretStore(otherFile, FAST).unlock(PASSPHRASE.toCharArray());
        assertFalse(Arrays.equals(header(file()).salt(), header(otherFile).salt()));
    }

    @Test
    void aChangedByteAnywhereIsDetectedAndNothingIsReturned() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        store.store("name", SECRET);
        byte[] good = Files.readAllBytes(file());
        int nonceByte = EncryptedFileSecretStore.HEADER_LENGTH - 1;
        int saltByte = EncryptedFileSecretStore.HEADER_LENGTH - EncryptedFileSecretStore.NONCE_LENGTH - 1;
        int ciphertextByte = EncryptedFileSecretStore.HEADER_LENGTH + 2;
        int tagByte = good.length - 1;
        for (int position : new int[] {saltByte, nonceByte, ciphertextByte, tagByte}) {
            byte[] bad = good.clone();
            bad[position] ^= 0x01;
            Files.write(file(), bad);

            SecretStoreException inRun = assertThrows(SecretStoreException.class, () -> store.load("name"), "byte " + position);
            assertFalse(inRun.getMessage().contains(SECRET));
            if (position != saltByte) {
                assertEquals(EncryptedFileSecretStore.WRONG_PASSPHRASE, inRun.getMessage());
                assertTrue(store.isUnlocked(), "a damaged file does not forget the key");
            }
            EncryptedFileSecretStore fresh = new EncryptedFileSecretStore(file(), FAST);
            SecretStoreException onUnlock = assertThrows(SecretStoreException.class, () -> fresh.unlock(PASSPHRASE.toCharArray()));
            assertEquals(EncryptedFileSecretStore.WRONG_PASSPHRASE, onUnlock.getMessage());

            Files.write(file(), good);
            store.unlock(PASSPHRASE.toCharArray());
            assertEquals(Optional.of(SECRET), store.load("name"));
        }
    }

    @Test
    void notASecretsFileIsSaidSo() throws Exception {
        Files.writeString(file(), "{\"this\": \"is json, not a secrets file, and long enough to pass size checks\"}");
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file(), FAST);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.unlock(PASSPHRASE.toCharArray()));
        assertTrue(e.getMessage().contains("not a kite-session secrets file"), e.getMessage());
    }

    @Test
    void fileAndLockFileAreOwnerOnly() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        EncryptedFileSecretStore store = unlocked();
        store.store("name", SECRET);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("secrets.enc.lock"))));
    }

    @Test
    void supportedWhereTheFolderCanBeWrittenNotUnderAPlainFile() throws Exception {
        assertTrue(new EncryptedFileSecretStore(folder.resolve("not-yet").resolve("secrets.enc"), FAST).isSupported());
        Path plainFile = Files.writeString(folder.resolve("plain.txt"), "x");
        assertFalse(new EncryptedFileSecretStore(plainFile.resolve("secrets.enc"), FAST).isSupported());
    }

    @Test
    void twoStoresOnOneFileTakingTurnsLoseNoUpdate() throws Exception {
        EncryptedFileSecretStore gui = unlocked();
        EncryptedFileSecretStore cli = unlocked();
        gui.store("gui.1", "g1");
        cli.store("cli.1", "c1");
        gui.store("gui.2", "g2");
        cli.delete("gui.1");
        gui.store("cli.1", "c1-updated-by-gui");
        cli.store("cli.2", "c2");
        for (EncryptedFileSecretStore store : List.of(gui, cli)) {
            assertEquals(Optional.empty(), store.load("gui.1"));
            assertEquals(Optional.of("g2"), store.load("gui.2"));
            assertEquals(Optional.of("c1-updated-by-gui"), store.load("cli.1"));
            assertEquals(Optional.of("c2"), store.load("cli.2"));
        }
    }

    @Test
    void twoStoresWritingFromTwoThreadsAtOnceLoseNoUpdate() throws Exception {
        EncryptedFileSecretStore gui = unlocked();
        EncryptedFileSecretStore cli = unlocked();
        int perStore = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (var entry : Map.of("gui.", gui, "cli.", cli).entrySet()) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perStore; i++) entry.getValue().store(entry.getKey() + i, "v" + entry.getKey() + i);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        EncryptedFileSecretStore reader = unlocked();
        for (int i = 0; i < perStore; i++) {
            assertEquals(Optional.of("vgui." + i), reader.load("gui." + i));
            assertEquals(Optional.of("vcli." + i), reader.load("cli." + i));
        }
    }

    /** The GUI and the CLI are two JVMs: only the file lock keeps them apart there. */
    @Test
    void twoOtherProcessesAndThisOneWritingAtOnceLoseNoUpdate() throws Exception {
        EncryptedFileSecretStore here = unlocked();
        int perWriter = 15;
        List<Process> children = new ArrayList<>();
        for (String prefix : List.of("procA.", "procB.")) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    SecretWriterProcess.class.getName(), file().toString(), prefix, String.valueOf(perWriter));
            builder.environment().put("KITE_TEST_PASSPHRASE", PASSPHRASE);
            builder.redirectErrorStream(true).redirectOutput(folder.resolve(prefix + "log").toFile());
            children.add(builder.start());
        }
        for (int i = 0; i < perWriter; i++) here.store("here." + i, "value-here." + i);
        for (Process child : children) {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child still running");
            assertEquals(0, child.exitValue(), () -> readLog(child, children));
        }
        for (String prefix : List.of("procA.", "procB.", "here.")) {
            for (int i = 0; i < perWriter; i++) assertEquals(Optional.of("value-" + prefix + i), here.load(prefix + i), prefix + i);
        }
    }

    private String readLog(Process child, List<Process> children) {
        try {
            return Files.readString(folder.resolve((children.indexOf(child) == 0 ? "procA." : "procB.") + "log"));
        } catch (IOException e) {
            return "no log";
        }
    }

    @Test
    void aWriteCutOffBeforeTheRenameLosesNothing() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        store.store("name", SECRET);
        byte[] before = Files.readAllBytes(file());
        // What AtomicFiles leaves when the process dies after writing its temp file, before the rename:
        // a stray, half-written temp file next to the untouched secrets file.
        Path stray = Files.createTempFile(folder, ".secrets.enc", ".tmp");
        Files.write(stray, Arrays.copyOf(before, before.length / 2));

        assertArrayEquals(before, Files.readAllBytes(file()));
        EncryptedFileSecretStore afterRestart = new EncryptedFileSecretStore(file(), FAST);
        afterRestart.unlock(PASSPHRASE.toCharArray());
        assertEquals(Optional.of(SECRET), afterRestart.load("name"));
        afterRestart.store("next", "next-value");
        assertEquals(Optional.of(SECRET), afterRestart.load("name"));
        assertEquals(Optional.of("next-value"), afterRestart.load("next"));
    }

    @Test
    void aFileSetUpAgainElsewhereAsksForThePassphraseAgain() throws Exception {
        EncryptedFileSecretStore gui = unlocked();
        gui.store("name", SECRET);
        Files.delete(file());
        EncryptedFileSecretStore cli = new EncryptedFileSecretStore(file(), FAST);
        cli.unlock("a brand new passphrase".toCharArray());
        cli.store("other", "other-value");

        SecretStoreException e = assertThrows(SecretStoreException.class, () -> gui.load("other"));
        assertTrue(e.getMessage().contains("enter the passphrase again"), e.getMessage());
        assertFalse(gui.isUnlocked());
        assertThrows(SecretStoreException.class, () -> gui.unlock(PASSPHRASE.toCharArray()));
        gui.unlock("a brand new passphrase".toCharArray());
        assertEquals(Optional.of("other-value"), gui.load("other"));
    }

    /** Read whole, so bounded: a wrong file of gigabytes in its place must not end in an OutOfMemoryError. */
    @Test
    void aSecretsFileOverTheLimitIsRefusedUnreadWithAClearMessage() throws Exception {
        unlocked().store("name", SECRET);
        byte[] real = Files.readAllBytes(file());
        byte[] huge = Arrays.copyOf(real, EncryptedFileSecretStore.MAX_FILE_BYTES + 1);
        Files.write(file(), huge);
        EncryptedFileSecretStore fresh = new EncryptedFileSecretStore(file(), FAST);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> fresh.unlock(PASSPHRASE.toCharArray()));
        assertTrue(e.getMessage().contains("larger than 1024 KB") && e.getMessage().contains("Move it aside"), e.getMessage());
        assertFalse(fresh.isUnlocked());
    }

    @Test
    void tempFilesOfAWriterKilledMidWriteAreRemovedByTheNextWrite() throws Exception {
        EncryptedFileSecretStore store = unlocked();
        Path leftover = Files.write(folder.resolve(".secrets.enc4711.tmp"), new byte[] {1, 2, 3});
        store.store("name", SECRET);
        assertFalse(Files.exists(leftover));
        assertEquals(Optional.of(SECRET), store.load("name"));
    }
}

