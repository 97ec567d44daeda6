package com.kitesession.secrets;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import com.kitesession.storage.AtomicFiles;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * All secrets in one file, encrypted with a passphrase the person sets: the fallback where no OS
 * keychain answers (bare Linux, CI).
 *
 * <p>File layout: a 37-byte header {@code "KSEC" | version (1 byte) | PBKDF2 iterations (int) |
 * salt (16) | nonce (12)}, then AES-256-GCM ciphertext and tag of the JSON map name -> secret. The
 * header is the GCM additional data, so changing any byte of it is detected like a changed
 * ciphertext. The key comes from PBKDF2-HMAC-SHA256 over the passphrase and the file's salt; the
 * iteration count sits in the header so a later version can raise it without breaking old files.
 *
 * <p>The key is derived once per {@link #unlock} (about half a second) and kept until {@link #lock}.
 * Every write reuses it with the same salt but a fresh random nonce.
 *
 * <p>The GUI and the CLI may use the file at the same time: each read-modify-write runs under an
 * exclusive lock on the sibling file {@code secrets.enc.lock} and re-reads the file inside the
 * lock, so neither loses the other's update. Writes go through {@link AtomicFiles}.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    static final int DEFAULT_ITERATIONS = 600_000;
    /** A header asking for more is refused: it would keep unlock busy for minutes. */
    private static final int MAX_ITERATIONS = 50_000_000;
    /**
     * Read whole, so bounded: a few profiles' secrets take a few KB; a file of gigabytes (a wrong
     * file put in its place) would otherwise end in an OutOfMemoryError.
     */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final byte[] MAGIC = {'K', 'S', 'E', 'C'};
    private static final byte VERSION = 1;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int HEADER_LENGTH = MAGIC.length + 1 + Integer.BYTES + SALT_LENGTH + NONCE_LENGTH;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;

    static final String WRONG_PASSPHRASE = "The passphrase is wrong, or the secrets file was changed.";
    static final String LOCKED = "The encrypted secrets file is locked: enter the passphrase first.";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Gson GSON = new Gson();
    private static final Type MAP_TYPE = new TypeToken<HashMap<String, String>>() {}.getType();
    /**
     * FileChannel.lock() guards against other processes only: a second lock on the same file from
     * this JVM throws OverlappingFileLockException. Two stores on one file in one JVM queue here first.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final int newFileIterations;

    // Guarded by this. key == null while locked.
    private byte[] key;
    private byte[] salt;
    private int iterations;

    public EncryptedFileSecretStore(Path file) {
        this(file, DEFAULT_ITERATIONS);
    }

    /** Fewer iterations keep tests fast; the app always uses {@link #DEFAULT_ITERATIONS}. */
    EncryptedFileSecretStore(Path file, int newFileIterations) {
        if (newFileIterations < 1 || newFileIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + newFileIterations);
        }
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.newFileIterations = newFileIterations;
    }

    /** Whether the secrets file is there, i.e. a passphrase was set before. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Derives the key from the passphrase and checks it against the file; creates the file (empty)
     * when there is none yet, which sets the passphrase. The caller keeps, and should wipe, its array.
     */
    public synchronized void unlock(char[] passphrase) throws SecretStoreException {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) throw new SecretStoreException("The passphrase must not be empty.");
        lock();
        try {
            unlockUnderFileLock(passphrase);
        } catch (SecretStoreException e) {
            lock(); // e.g. the new file could not be written: leave no half-set key behind
            throw e;
        }
    }

    private void unlockUnderFileLock(char[] passphrase) throws SecretStoreException {
        withFileLock(() -> {
            if (Files.exists(file)) {
                byte[] bytes = AtomicFiles.readBounded(file, MAX_FILE_BYTES);
                Header header = Header.parse(bytes, file);
                byte[] candidate = deriveKey(passphrase, header.salt(), header.iterations());
                try {
                    Arrays.fill(decrypt(candidate, bytes), (byte) 0);
                } catch (SecretStoreException e) {
                    Arrays.fill(candidate, (byte) 0);
                    throw e;
                }
                key = candidate;
                salt = header.salt();
                iterations = header.iterations();
            } else {
                byte[] freshSalt = randomBytes(SALT_LENGTH);
                key = deriveKey(passphrase, freshSalt, newFileIterations);
                salt = freshSalt;
                iterations = newFileIterations;
                write(new HashMap<>());
            }
            return null;
        });
    }

    public synchronized boolean isUnlocked() {
        return key != null;
    }

    /** Forgets the derived key (wiped from memory); store/load/delete need a new unlock. */
    public synchronized void lock() {
        if (key != null) Arrays.fill(key, (byte) 0);
        key = null;
        salt = null;
        iterations = 0;
    }

    @Override
    public boolean isSupported() {
        if (Files.exists(file)) return Files.isReadable(file) && Files.isWritable(file.getParent());
        Path dir = file.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent(); // created on first write
        return dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
    }

    @Override
    public synchronized void store(String name, String secret) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        requireUnlocked();
        withFileLock(() -> {
            Map<String, String> all = read(); // re-read inside the lock: the other process may have written
            all.put(name, secret);
            AtomicFiles.removeLeftoverTempFiles(file); // what a writer killed mid-write left behind
            write(all);
            return null;
        });
    }

    /**
     * Reads under the lock too. The atomic rename alone already means a reader sees a whole old or a
     * whole new file, never half of one; the lock adds that a read waits for a write in progress.
     */
    @Override
    public synchronized Optional<String> load(String name) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        requireUnlocked();
        return withFileLock(() -> Optional.ofNullable(read().get(name)));
    }

    @Override
    public synchronized void delete(String name) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        requireUnlocked();
        withFileLock(() -> {
            Map<String, String> all = read();
            if (all.remove(name) != null) write(all);
            return null;
        });
    }

    @Override
    public String describe() {
        return "encrypted file " + file;
    }

    @Override
    public String toString() {
        return "EncryptedFileSecretStore[" + file + ", " + (isUnlocked() ? "unlocked" : "locked") + "]";
    }

    Path file() {
        return file;
    }

    private void requireUnlocked() throws SecretStoreException {
        if (key == null) throw new SecretStoreException(LOCKED);
    }

    private Map<String, String> read() throws IOException, SecretStoreException {
        if (!Files.exists(file)) return new HashMap<>(); // removed by hand since unlock: start afresh
        byte[] bytes = AtomicFiles.readBounded(file, MAX_FILE_BYTES);
        Header header = Header.parse(bytes, file);
        if (header.iterations() != iterations || !Arrays.equals(header.salt(), salt)) {
            lock(); // another process set the file up anew: our key no longer fits
            throw new SecretStoreException("The secrets file was set up again with a new passphrase: enter the passphrase again.");
        }
        byte[] plain = decrypt(key, bytes);
        try {
            Map<String, String> all = GSON.fromJson(new String(plain, StandardCharsets.UTF_8), MAP_TYPE);
            return all == null ? new HashMap<>() : all;
        } catch (JsonParseException e) {
            // No message from Gson here: it might quote part of the decrypted text.
            throw new SecretStoreException("The secrets file " + file + " decrypted but is not readable.");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void write(Map<String, String> all) throws IOException, SecretStoreException {
        // GCM with a repeated (key, nonce) pair leaks the XOR of the two plaintexts and lets the
        // tag key be recovered (forgeries): the key stays the same across writes, so the nonce never may.
        byte[] nonce = randomBytes(NONCE_LENGTH);
        byte[] header = Header.bytes(iterations, salt, nonce);
        byte[] plain = GSON.toJson(all, MAP_TYPE).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] out = Arrays.copyOf(header, HEADER_LENGTH + cipher.getOutputSize(plain.length));
            int length = cipher.doFinal(plain, 0, plain.length, out, HEADER_LENGTH);
            AtomicFiles.write(file, Arrays.copyOf(out, HEADER_LENGTH + length));
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Could not encrypt the secrets: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** GCM checks the tag before it returns anything: a changed byte gives an exception, never garbage. */
    private static byte[] decrypt(byte[] key, byte[] fileBytes) throws SecretStoreException {
        Header header = Header.parse(fileBytes, null);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, header.nonce()));
            cipher.updateAAD(fileBytes, 0, HEADER_LENGTH);
            return cipher.doFinal(fileBytes, HEADER_LENGTH, fileBytes.length - HEADER_LENGTH);
        } catch (AEADBadTagException e) {
            throw new SecretStoreException(WRONG_PASSPHRASE);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Could not decrypt the secrets: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] deriveKey(char[] passphrase, byte[] salt, int iterations) throws SecretStoreException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BITS); // copies the passphrase
        try {
            SecretKey derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
            byte[] bytes = derived.getEncoded();
            try {
                derived.destroy();
            } catch (DestroyFailedException ignored) {
                // Not every provider can wipe its copy; the garbage collector takes it.
            }
            return bytes;
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("This Java runtime cannot derive the key: " + e.getClass().getSimpleName());
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private interface LockedAction<T> {
        T run() throws IOException, SecretStoreException;
    }

    private <T> T withFileLock(LockedAction<T> action) throws SecretStoreException {
        ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        inProcess.lock();
        try {
            // The lock file stays in place: deleting it would let two processes lock two different files.
            AtomicFiles.createPrivateFile(lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.run();
            }
        } catch (AtomicFiles.TooLargeException e) {
            throw new SecretStoreException("The secrets file " + file + " is larger than " + MAX_FILE_BYTES / 1024
                    + " KB, far more than this app ever writes: it is not a secrets file, or it was damaged. Move it"
                    + " aside (the app then starts a new one, and the API secrets and passwords must be entered again).");
        } catch (IOException e) {
            throw new SecretStoreException("Could not use the secrets file " + file + ": " + e);
        } finally {
            inProcess.unlock();
        }
    }

    /** The clear-text header; package-private so tests can check iterations and nonces. */
    record Header(int version, int iterations, byte[] salt, byte[] nonce) {
        static Header parse(byte[] fileBytes, Path file) throws SecretStoreException {
            String where = file == null ? "The secrets file" : "The secrets file " + file;
            if (fileBytes.length < HEADER_LENGTH + TAG_BITS / 8
                    || !Arrays.equals(Arrays.copyOf(fileBytes, MAGIC.length), MAGIC)) {
                throw new SecretStoreException(where + " is not a kite-session secrets file, or is cut short.");
            }
            ByteBuffer buffer = ByteBuffer.wrap(fileBytes, MAGIC.length, HEADER_LENGTH - MAGIC.length);
            byte version = buffer.get();
            if (version != VERSION) {
                throw new SecretStoreException(where + " was written by a newer version (format " + version + ").");
            }
            int iterations = buffer.getInt();
            if (iterations < 1 || iterations > MAX_ITERATIONS) throw new SecretStoreException(WRONG_PASSPHRASE);
            byte[] salt = new byte[SALT_LENGTH];
            byte[] nonce = new byte[NONCE_LENGTH];
            buffer.get(salt).get(nonce);
            return new Header(version, iterations, salt, nonce);
        }

        static byte[] bytes(int iterations, byte[] salt, byte[] nonce) {
            return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put(VERSION).putInt(iterations).put(salt).put(nonce).array();
        }
    }
}
