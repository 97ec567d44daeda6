package com.kitesession.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Writes a file so that a crash leaves either the old or the new version, never half of one. */
public final class AtomicFiles {
    /** Linux gives up after 40 links in a row (ELOOP); so do we, rather than loop forever on a cycle. */
    private static final int MAX_LINKS = 40;
    /** How many folders were synced after a rename: a test's only window on an otherwise invisible fsync. */
    static final AtomicInteger FOLDER_SYNCS = new AtomicInteger();

    private AtomicFiles() {}

    /** A file too large to be what it claims, refused before it is read into memory. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(Path file, long limit) {
            super(file + " is larger than " + limit + " bytes");
        }
    }

    /** UTF-8 text; see {@link #write(Path, byte[])}. */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Temp file in the same folder, fsync, rename over the target, fsync the folder; owner-only
     * (POSIX mode or Windows ACL). A symbolic link the person made is kept: the write goes through
     * to the file it points to, atomically in that file's folder.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path real = followLinks(target.toAbsolutePath());
        Path dir = real.getParent();
        createPrivateDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
        try {
            ownerOnly(temp); // before the content goes in: nobody else may open it meanwhile
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            // The rename lives in the folder's entries: until they reach the disk, a power cut may
            // bring back the old file, or (for a new file) none at all.
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file a chain of symbolic links ends at (which may not exist yet), or {@code path} itself
     * when it is no link. Replacing the link by a plain file would silently cut the person's link.
     * Only a link the person could have made is followed: one they own, in a folder nobody else
     * can write to. Otherwise another user could plant {@code /tmp/token.json -> ~/.bashrc} and
     * have the export overwrite it; such a link is refused with a message instead.
     */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
            if (!madeByThisUser(current)) {
                throw new FileSystemException(current.toString(), null, "this is a link that another user owns, or that"
                        + " sits in a folder others can write to, so it is not followed; choose a path in a folder of your own");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /** Owned by whoever runs the app, and in a folder no one else may change (POSIX; elsewhere the owner alone). */
    private static boolean madeByThisUser(Path link) throws IOException {
        var me = link.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).equals(me)) return false;
        Path folder = link.toAbsolutePath().getParent();
        if (!isPosix(folder)) return true;
        var perms = Files.getPosixFilePermissions(folder);
        return !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** fsync of a folder: POSIX allows it; Windows refuses to open a folder as a file, and needs none. */
    static boolean syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
            FOLDER_SYNCS.incrementAndGet();
            return true;
        } catch (IOException | UnsupportedOperationException refused) {
            return false;
        }
    }

    /**
     * Creates the folder (and missing parents) readable by the owner only where POSIX: the
     * file names alone (which profiles, which exports) are nobody else's business.
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        createPrivateDirectories(dir.toAbsolutePath().getParent());
        if (isPosix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Narrows an existing folder to its owner where POSIX (takes the group's and others' rights
     * away, keeps the owner's), as a new one is created.
     *
     * @return the permissions it had when they were wider; empty when already private or not POSIX
     */
    public static Optional<String> makeFolderPrivate(Path dir) throws IOException {
        if (!isPosix(dir) || !Files.isDirectory(dir)) return Optional.empty();
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        ownerOnly.addAll(now);
        ownerOnly.retainAll(PosixFilePermissions.fromString("rwx------"));
        if (ownerOnly.equals(now)) return Optional.empty();
        Files.setPosixFilePermissions(dir, ownerOnly);
        return Optional.of(PosixFilePermissions.toString(now));
    }

    /**
     * Creates an empty owner-only file unless it is there already (a lock file, say). Created
     * with its permissions in one step: there is no moment when another user could open it.
     */
    public static void createPrivateFile(Path file) throws IOException {
        if (Files.exists(file)) return;
        createPrivateDirectories(file.toAbsolutePath().getParent());
        try {
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                ownerOnly(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process made it first: fine.
        }
    }

    /**
     * The whole file, refused unread when over {@code limit} bytes: a file a person or a program
     * filled by mistake must not exhaust memory. Counts what it reads, so a file growing meanwhile
     * is caught too.
     */
    public static byte[] readBounded(Path file, int limit) throws IOException {
        if (Files.size(file) > limit) throw new TooLargeException(file, limit);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) throw new TooLargeException(file, limit);
            return bytes;
        }
    }

    /**
     * Removes the {@code .<name>*.tmp} files a writer killed between writing and renaming left
     * next to {@code target} (the target itself is whole). Call only under the lock that all
     * writers of {@code target} hold: then no temp file found belongs to a live writer.
     */
    public static void removeLeftoverTempFiles(Path target) throws IOException {
        String prefix = "." + target.getFileName();
        try (Stream<Path> files = Files.list(target.toAbsolutePath().getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) Files.deleteIfExists(p);
            }
        }
    }

    static void ownerOnly(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            OwnerOnlyAcl.apply(file);
        }
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
