package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * On Windows, where POSIX modes do not exist, OpenSSH insists that a private key's ACL names only
 * its owner (and SYSTEM/Administrators); this replaces the inherited ACL with one entry for the owner.
 */
final class WindowsAcl {
    private WindowsAcl() {
    }

    static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null || Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            return;
        }
        UserPrincipal owner = view.getOwner();
        AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
        view.setAcl(List.of(entry));
    }
}
