package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Windows ACL without Windows: this machine's file systems have no ACL view, so the entries
 * and their use are checked against a view that records what it is given.
 */
class OwnerOnlyAclTest {
    private static final UserPrincipal OWNER = () -> "HOST\\trader";
    private static final UserPrincipal EVERYONE = () -> "Everyone";

    @Test
    void theOwnerAloneGetsFullControlAndNothingIsInherited() {
        List<AclEntry> entries = OwnerOnlyAcl.entries(OWNER);
        assertEquals(1, entries.size());
        AclEntry only = entries.get(0);
        assertEquals(AclEntryType.ALLOW, only.type());
        assertEquals(OWNER, only.principal());
        assertEquals(EnumSet.allOf(AclEntryPermission.class), only.permissions());
        assertTrue(only.flags().isEmpty(), "inherit flags would hand the rights on");
    }

    @Test
    void theFilesAclIsReplacedNotExtended() throws Exception {
        RecordingView view = new RecordingView();
        view.acl.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(EVERYONE)
                .setPermissions(AclEntryPermission.READ_DATA).build());
        OwnerOnlyAcl.apply(view);
        assertEquals(OwnerOnlyAcl.entries(OWNER), view.acl);
    }

    private static final class RecordingView implements AclFileAttributeView {
        final List<AclEntry> acl = new ArrayList<>();

        @Override
        public String name() {
            return "acl";
        }

        @Override
        public List<AclEntry> getAcl() {
            return List.copyOf(acl);
        }

        @Override
        public void setAcl(List<AclEntry> entries) {
            acl.clear();
            acl.addAll(entries);
        }

        @Override
        public UserPrincipal getOwner() {
            return OWNER;
        }

        @Override
        public void setOwner(UserPrincipal owner) {
            throw new UnsupportedOperationException();
        }
    }
}
