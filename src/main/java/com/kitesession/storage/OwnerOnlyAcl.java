package com.kitesession.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Owner-only where files carry ACLs instead of POSIX modes (Windows, NTFS): without it a new
 * file takes its folder's inherited rights, so a token exported to a shared folder would be
 * readable by every user who can read that folder.
 */
final class OwnerOnlyAcl {
    private OwnerOnlyAcl() {}

    /** Replaces the file's ACL by {@link #entries}; nothing where the file system has no ACL view. */
    static void apply(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view != null) apply(view);
    }

    static void apply(AclFileAttributeView view) throws IOException {
        view.setAcl(entries(view.getOwner()));
    }

    /**
     * One entry: the owner may do everything. No inherit flags, and no entry copied from the old
     * ACL: the explicit list replaces the inherited one, so the folder's grants do not reach the file.
     */
    static List<AclEntry> entries(UserPrincipal owner) {
        Objects.requireNonNull(owner, "owner");
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build());
    }
}
