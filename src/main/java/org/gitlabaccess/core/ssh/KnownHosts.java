package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FilePermissions;

/**
 * OpenSSH's {@code ~/.ssh/known_hosts}: is a host key known, unknown or changed; and recording a
 * key once the user accepted it. Hashed entries are understood. A changed key is never recorded.
 */
public final class KnownHosts {
    /** What the file says about a host's key. */
    public enum Status { KNOWN, UNKNOWN, CHANGED, REVOKED }

    /** The status, with the fingerprints recorded for the host (to show both when it changed). */
    public record Lookup(Status status, List<String> recordedFingerprints) {
    }

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    /** The known-hosts files OpenSSH reads for the resolved host; new keys go to the first user file. */
    public static KnownHosts of(SshConfigLookup.Effective effective) {
        return new KnownHosts(effective.userKnownHostsFiles().get(0));
    }

    public static KnownHosts inHome(Path home) {
        return new KnownHosts(home.resolve(".ssh").resolve("known_hosts"));
    }

    public Path file() {
        return file;
    }

    public Lookup check(SshEndpoint endpoint, PublicKey key) {
        List<String> recorded = new ArrayList<>();
        boolean match = false;
        for (KnownHostEntry entry : entries()) {
            if (!entry.isHostMatch(endpoint.hostName(), endpoint.port())) {
                continue;
            }
            PublicKey known = resolve(entry);
            if (known == null) {
                continue;
            }
            boolean same = KeyUtils.compareKeys(known, key);
            if ("revoked".equals(entry.getMarker()) && same) {
                return new Lookup(Status.REVOKED, List.of(KeyFingerprint.sha256(known)));
            }
            if (entry.getMarker() != null) {
                continue;
            }
            if (same) {
                match = true;
            } else if (KeyUtils.getKeyType(known).equals(KeyUtils.getKeyType(key))) {
                recorded.add(KeyFingerprint.sha256(known));
            }
        }
        if (match) {
            return new Lookup(Status.KNOWN, List.of(KeyFingerprint.sha256(key)));
        }
        return recorded.isEmpty() ? new Lookup(Status.UNKNOWN, List.of()) : new Lookup(Status.CHANGED, recorded);
    }

    /** Appends the key for the host, unless it is already there; the rest of the file is kept as is. */
    public boolean record(SshEndpoint endpoint, PublicKey key, AtomicFile atomic) {
        Lookup lookup = check(endpoint, key);
        if (lookup.status() == Status.KNOWN) {
            return false;
        }
        if (lookup.status() != Status.UNKNOWN) {
            throw new IllegalStateException("A changed or revoked host key is never recorded");
        }
        try {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String sep = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            String line = endpoint.knownHostsName() + " " + PublicKeyEntry.toString(key) + "\n";
            FilePermissions.createPrivateDirectories(file.toAbsolutePath().getParent());
            atomic.write(file, existing + sep + line, AtomicFile.Options.ownerOnly());
            return true;
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "known-hosts-unwritable",
                    Text.of("error.known-hosts-unwritable", file, e.getClass().getSimpleName()),
                    Text.of("error.known-hosts-unwritable.hint"), e);
        }
    }

    private List<KnownHostEntry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return KnownHostEntry.readKnownHostEntries(file);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "known-hosts-corrupt",
                    Text.of("error.known-hosts-corrupt", file), Text.of("error.known-hosts-corrupt.hint"));
        }
    }

    private static PublicKey resolve(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry() == null ? null : entry.getKeyEntry().resolvePublicKey(null, Map.of(), null);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
