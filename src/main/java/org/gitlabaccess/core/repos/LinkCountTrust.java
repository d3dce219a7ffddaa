package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a file system keeps the directory link-count convention (2 plus the number of
 * subdirectories) that lets the walk skip most {@code stat}s and leaf directories' listings. Trusted
 * only on file systems known to keep it, as GNU find's leaf optimisation does in reverse: network and
 * FUSE file systems, {@code /proc} and anything unknown are walked the slow, always correct way.
 * btrfs and merged overlay directories report a count of 1, which the walk already treats as unknown.
 * Judged once per device: only mount points cost a look-up.
 */
final class LinkCountTrust {
    private static final Set<String> KEEPS_CONVENTION = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs", "btrfs",
            "zfs", "f2fs", "jfs", "reiserfs", "overlay", "apfs", "hfs", "ufs");

    private final Map<Long, Boolean> byDevice = new ConcurrentHashMap<>();
    private final Predicate<Path> judge;

    private LinkCountTrust(Predicate<Path> judge) {
        this.judge = judge;
    }

    /** Judges each file system by its type. */
    static LinkCountTrust byFileSystemType() {
        return new LinkCountTrust(LinkCountTrust::keepsConvention);
    }

    /** Trusts no link count: every directory listed, every entry stat'ed (the reference walk for tests). */
    static LinkCountTrust never() {
        return new LinkCountTrust(dir -> false);
    }

    boolean trusts(Path dir, long device) {
        if (device < 0) {
            return false;
        }
        return byDevice.computeIfAbsent(device, d -> judge.test(dir));
    }

    static boolean keepsConvention(Path dir) {
        try {
            return keepsConvention(Files.getFileStore(dir).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean keepsConvention(String fileSystemType) {
        return KEEPS_CONVENTION.contains(fileSystemType.toLowerCase(Locale.ROOT));
    }
}
