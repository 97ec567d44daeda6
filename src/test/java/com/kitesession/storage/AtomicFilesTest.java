package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFoldersAndFilesAreTheOwnersOnly() throws Exception {
        Path file = dir.resolve("a/b/settings.json");
        AtomicFiles.write(file, "{}");
        assertEquals("{}", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    }

    @Test
    void theFolderIsSyncedAfterTheRename() throws Exception {
        assertTrue(AtomicFiles.syncFolder(dir), "Linux lets a folder be fsynced");
        int before = AtomicFiles.FOLDER_SYNCS.get();
        AtomicFiles.write(dir.resolve("settings.json"), "{}");
        assertTrue(AtomicFiles.FOLDER_SYNCS.get() > before, "the rename was not made durable");
    }

    @Test
    void aFolderThatCannotBeSyncedIsPassedOverQuietly() {
        assertFalse(AtomicFiles.syncFolder(dir.resolve("missing")));
    }

    @Test
    void aLinkThePersonMadeIsKeptAndItsTargetReplaced() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("dotfiles"));
        Path target = Files.writeString(elsewhere.resolve("kite.env"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("token.env"), Path.of("dotfiles/kite.env"));

        AtomicFiles.write(link, "new\n");

        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a plain file");
        assertEquals(Path.of("dotfiles/kite.env"), Files.readSymbolicLink(link));
        assertEquals("new\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (var left = Files.list(elsewhere)) {
            assertEquals(List.of(target), left.toList(), "the temp file was not renamed in the target's folder");
        }
    }

    /** Another user plants /tmp/token.json -> ~/.bashrc: the export must not overwrite the person's file. */
    @Test
    void aLinkInAFolderOthersCanWriteToIsNotFollowed() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path precious = Files.writeString(dir.resolve("bashrc"), "keep me\n");
        Path planted = Files.createSymbolicLink(shared.resolve("token.json"), precious);

        FileSystemException refused = assertThrows(FileSystemException.class, () -> AtomicFiles.write(planted, "{}"));
        assertTrue(refused.getMessage().contains("not followed"), refused.getMessage());
        assertEquals("keep me\n", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(planted));
    }

    @Test
    void aLinkToAFileNotYetThereCreatesIt() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("token.json"), dir.resolve("out/token.json"));
        AtomicFiles.write(link, "{}");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{}", Files.readString(dir.resolve("out/token.json")));
    }

    @Test
    void aLoopOfLinksIsRefusedNotFollowedForever() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(a, "x"));
    }

    @Test
    void aPrivateFileIsCreatedOwnerOnly() throws Exception {
        Path lock = dir.resolve("sub/settings.json.lock");
        AtomicFiles.createPrivateFile(lock);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        AtomicFiles.createPrivateFile(lock); // already there: nothing happens
    }

    @Test
    void aFolderOthersCanReadIsNarrowedToItsOwner() throws Exception {
        Path wide = Files.createDirectory(dir.resolve("wide"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of("rwxr-xr-x"), AtomicFiles.makeFolderPrivate(wide));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wide)));
        assertEquals(Optional.empty(), AtomicFiles.makeFolderPrivate(wide));
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() throws Exception {
        Path file = dir.resolve("big");
        Files.write(file, new byte[1001]);
        assertThrows(AtomicFiles.TooLargeException.class, () -> AtomicFiles.readBounded(file, 1000));
        Files.write(file, new byte[1000]);
        assertArrayEquals(new byte[1000], AtomicFiles.readBounded(file, 1000));
    }

    @Test
    void leftoverTempFilesOfOneTargetAreRemovedAndNoOthers() throws Exception {
        Path target = dir.resolve("secrets.enc");
        Path leftover = Files.writeString(dir.resolve(".secrets.enc123.tmp"), "half");
        Path other = Files.writeString(dir.resolve(".settings.json123.tmp"), "half");
        AtomicFiles.removeLeftoverTempFiles(target);
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(other));
    }
}
