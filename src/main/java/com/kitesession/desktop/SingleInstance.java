package com.kitesession.desktop;

import com.kitesession.storage.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One window per settings folder. The first launch ({@link Primary}) holds a {@link FileLock}
 * on {@code instance.lock}, listens on 127.0.0.1 only, and writes its port and a random
 * cookie to {@code instance.json} (atomically, owner-only). A later launch reads that file,
 * connects, sends the cookie and its arguments as one line of JSON, and on the primary's ack
 * is a {@link Secondary}: it exits without opening a window, and the primary hears the
 * arguments on a background thread.
 *
 * <p>A crashed primary leaves {@code instance.json} behind, but the OS releases its lock with
 * the process: the connection then fails, the lock is free, and the new launch takes over.
 * Two launches at once cannot both win: only one gets the lock; the other retries the
 * hand-off until the winner answers.
 *
 * <p>File locks belong to the whole JVM (and on Linux closing any channel on the file drops
 * them), so a JVM that already holds the lock never opens the file again: the folders held
 * here are remembered in memory.
 */
public final class SingleInstance {
    public static final String INFO_FILE = "instance.json";
    public static final String LOCK_FILE = "instance.lock";
    /** How long a launch waits for a primary that holds the lock but has not answered yet. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);
    /** Local connections served at once; the oldest goes when one more comes (an idle flood cannot lock a launch out). */
    static final int MAX_CONNECTIONS = 64;

    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    /** Lock files held by this JVM, by absolute path. */
    private static final Map<Path, Primary> HELD = new ConcurrentHashMap<>();

    private SingleInstance() {}

    /** What {@link #acquire} found: this launch is the primary, or it handed over to one. */
    public sealed interface Outcome permits Primary, Secondary {}

    /** Handed over: the running instance has this launch's arguments; do not open a window. */
    public record Secondary(int primaryPort) implements Outcome {}

    /** {@link #acquire(Path, List, Consumer, Duration)} with {@link #DEFAULT_PATIENCE}. */
    public static Outcome acquire(Path folder, List<String> args, Consumer<List<String>> onHandoff) throws IOException {
        return acquire(folder, args, onHandoff, DEFAULT_PATIENCE);
    }

    /**
     * Hands {@code args} to the instance running on {@code folder}, or becomes it.
     *
     * @param onHandoff called (on a background thread, one hand-off at a time) with each later
     *     launch's arguments, while the returned {@link Primary} is open
     * @param patience how long to keep trying when another process holds the lock but does not
     *     answer (it may be starting)
     * @throws IOException when the folder cannot be used, or the lock's holder never answered
     */
    public static Outcome acquire(Path folder, List<String> args, Consumer<List<String>> onHandoff, Duration patience)
            throws IOException {
        Objects.requireNonNull(onHandoff, "onHandoff");
        List<String> handed = List.copyOf(args);
        Path dir = folder.toAbsolutePath().normalize();
        AtomicFiles.createPrivateDirectories(dir);
        long deadline = System.nanoTime() + patience.toNanos();
        boolean staleSeen = false;
        while (true) {
            Optional<InstanceHandOff.Info> info = InstanceHandOff.readInfo(dir);
            if (info.isPresent()) {
                if (InstanceHandOff.handOff(info.get(), handed)) {
                    LOG.fine(() -> "handed " + handed.size() + " argument(s) to the instance on port " + info.get().port);
                    return new Secondary(info.get().port);
                }
                staleSeen = true;
            }
            Primary primary = tryBecomePrimary(dir, onHandoff, staleSeen);
            if (primary != null) return primary;
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("Another Kite Session Manager holds " + dir.resolve(LOCK_FILE)
                        + " but did not answer within " + patience.toSeconds() + " s.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the running instance.", e);
            }
        }
    }

    /**
     * Whether some process (this JVM included) holds the lock of {@code lockPath}'s folder: a
     * moment's lock to find out, released at once. Synchronized with {@link #tryBecomePrimary}:
     * closing a channel on the file would drop a lock this JVM had just taken.
     */
    static synchronized boolean lockHeld(Path lockPath) throws IOException {
        if (HELD.containsKey(lockPath)) return true;
        if (!Files.exists(lockPath)) return false;
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * The first instance: holds the lock and answers later launches until closed. Closing
     * removes {@code instance.json} (if still its own) and releases the lock.
     */
    public static final class Primary implements Outcome, AutoCloseable {
        private final Path lockPath;
        private final Path infoPath;
        private final FileChannel channel;
        private final FileLock lock;
        private final byte[] cookie;
        private final Consumer<List<String>> onHandoff;
        private final boolean tookOver;
        /** One hand-off at a time, in order, and never on the listener's thread: a slow one must not stop the listening. */
        private final ExecutorService handoffs = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kite-session-handoff");
            t.setDaemon(true);
            return t;
        });
        private LineServer server;
        private volatile boolean closed;

        private Primary(Path dir, FileChannel channel, FileLock lock, String cookie,
                Consumer<List<String>> onHandoff, boolean tookOver) {
            this.lockPath = dir.resolve(LOCK_FILE);
            this.infoPath = dir.resolve(INFO_FILE);
            this.channel = channel;
            this.lock = lock;
            this.cookie = cookie.getBytes(StandardCharsets.UTF_8);
            this.onHandoff = onHandoff;
            this.tookOver = tookOver;
        }

        private void listen(ServerSocketChannel listener) throws IOException {
            server = new LineServer(listener, InstanceHandOff.MAX_MESSAGE_BYTES, Duration.ofMillis(InstanceHandOff.SOCKET_TIMEOUT_MILLIS), MAX_CONNECTIONS,
                    this::answer, "kite-session-single-instance");
        }

        /** The loopback port later launches connect to. */
        public int port() {
            return server.port();
        }

        /** True when a previous instance had left its files behind (it crashed or was killed). */
        public boolean tookOver() {
            return tookOver;
        }

        /** The ack for one hand-off line; the arguments go to {@code onHandoff} on its own thread. */
        private String answer(String line) {
            InstanceHandOff.Message message = InstanceHandOff.parse(line);
            boolean valid = message != null && message.cookie != null
                    && MessageDigest.isEqual(cookie, message.cookie.getBytes(StandardCharsets.UTF_8));
            if (!valid) {
                LOG.warning("A local connection to the single-instance port was refused: it did not present this instance's cookie.");
                return InstanceHandOff.ack(false);
            }
            List<String> args = message.args == null ? List.of() : List.copyOf(message.args);
            LOG.info("A second launch handed over " + args.size() + " argument(s).");
            handoffs.execute(() -> {
                try {
                    onHandoff.accept(args);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Acting on a second launch failed", e);
                }
            });
            return InstanceHandOff.ack(true);
        }

        /** Idempotent; safe from a shutdown hook and the main thread at once. */
        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            server.close();
            handoffs.shutdown();
            try {
                // Only our own file: a successor may have written its own meanwhile (it cannot while we hold the lock).
                Optional<InstanceHandOff.Info> info = InstanceHandOff.readInfo(infoPath.getParent());
                if (info.isPresent() && MessageDigest.isEqual(cookie, info.get().cookie.getBytes(StandardCharsets.UTF_8))) {
                    Files.deleteIfExists(infoPath);
                }
            } catch (IOException e) {
                // A left-over file is detected as stale by the next launch.
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The OS releases it with the process at the latest.
            }
            HELD.remove(lockPath, this);
        }
    }

    /** Takes the lock if nobody holds it; null if another process (or this JVM) does. */
    private static synchronized Primary tryBecomePrimary(Path dir, Consumer<List<String>> onHandoff, boolean staleSeen)
            throws IOException {
        Path lockPath = dir.resolve(LOCK_FILE);
        if (HELD.containsKey(lockPath)) return null;
        FileChannel channel = openLockFile(lockPath);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
            String cookie = InstanceHandOff.newCookie();
            boolean tookOver = staleSeen || Files.exists(dir.resolve(INFO_FILE));
            InstanceHandOff.Info info = new InstanceHandOff.Info();
            info.port = server.socket().getLocalPort();
            info.cookie = cookie;
            info.pid = ProcessHandle.current().pid();
            AtomicFiles.write(dir.resolve(INFO_FILE), InstanceHandOff.json(info));
            Primary primary = new Primary(dir, channel, lock, cookie, onHandoff, tookOver);
            primary.listen(server);
            HELD.put(lockPath, primary);
            if (tookOver) LOG.fine("took over " + dir.resolve(INFO_FILE) + " from an instance that is no longer running");
            return primary;
        } catch (IOException | RuntimeException e) {
            if (server != null) server.close();
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static FileChannel openLockFile(Path lockPath) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (lockPath.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(lockPath, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(lockPath, options);
    }
}
