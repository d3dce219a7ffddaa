package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FilePermissions;

/**
 * The known-hosts files OpenSSH reads for a host (the user's, then the global ones), decided as
 * OpenSSH decides: the presented key is known when any plain line for the host holds it, revoked
 * when an {@code @revoked} line holds it, changed when the host has plain lines but none holds it
 * (whatever their key type), and new only when the host has no plain line at all.
 * {@code @cert-authority} lines vouch only for certificates, never for a plain key. Lines OpenSSH
 * cannot read are skipped, as are files it cannot open. A new key goes to the first user file.
 */
public final class KnownHosts {
    /** What the files say about a presented host key. */
    public enum Status { KNOWN, UNKNOWN, CHANGED, REVOKED }

    /** The marker a line starts with, if any. */
    public enum Marker { NONE, CERT_AUTHORITY, REVOKED }

    /** One readable line that names the host. */
    public record Entry(Path file, int line, Marker marker, PublicKey key) {
        /** {@code file:line}, as OpenSSH's "Offending key in" names it. */
        public String where() {
            return file + ":" + line;
        }

        public String fingerprint() {
            return KeyFingerprint.sha256(key);
        }

        /** The key type and fingerprint, and where the line is. */
        public String describe() {
            return KeyUtils.getKeyType(key) + " " + fingerprint() + " (" + where() + ")";
        }
    }

    /** The decision, with the lines behind it: the offending ones when changed, the revoking ones when revoked. */
    public record Lookup(Status status, List<Entry> entries) {
        public Lookup {
            entries = List.copyOf(entries);
        }
    }

    /** Far beyond any real known_hosts; a larger file is refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final List<Path> files;
    private final Path userFile;
    private final boolean hashNewEntries;
    /** The host whose key OpenSSH files under {@code HostKeyAlias}, and that name; null without one. */
    private final SshEndpoint aliased;
    private final String alias;
    /** Each name's lines as read once: a connection asks for them up to three times (offer, check, record). */
    private final Map<String, List<Entry>> read = new ConcurrentHashMap<>();

    /**
     * @param files every file to read, in OpenSSH's order
     * @param userFile where a new key is recorded
     * @param hashNewEntries {@code HashKnownHosts yes}
     */
    public KnownHosts(List<Path> files, Path userFile, boolean hashNewEntries) {
        this(files, userFile, hashNewEntries, null, null);
    }

    private KnownHosts(List<Path> files, Path userFile, boolean hashNewEntries, SshEndpoint aliased, String alias) {
        this.files = List.copyOf(files);
        this.userFile = userFile;
        this.hashNewEntries = hashNewEntries;
        this.aliased = aliased;
        this.alias = alias;
    }

    /** The known-hosts files OpenSSH reads for the resolved host; new keys go to the first user file. */
    public static KnownHosts of(SshConfigLookup.Effective effective) {
        return new KnownHosts(effective.knownHostsFiles(), effective.userKnownHostsFiles().get(0),
                effective.hashKnownHosts(), effective.endpoint(), effective.hostKeyAlias().orElse(null));
    }

    /** The name OpenSSH looks the host's key up and records it under: its HostKeyAlias, else host or [host]:port. */
    String nameOf(SshEndpoint endpoint) {
        return alias != null && endpoint.equals(aliased) ? alias : endpoint.knownHostsName();
    }

    /** The file a new key is recorded in. */
    public Path file() {
        return userFile;
    }

    public Lookup check(SshEndpoint endpoint, PublicKey key) {
        List<Entry> entries = entriesFor(nameOf(endpoint));
        List<Entry> revoking = entries.stream()
                .filter(e -> e.marker() == Marker.REVOKED && KeyUtils.compareKeys(e.key(), key)).toList();
        if (!revoking.isEmpty()) {
            return new Lookup(Status.REVOKED, revoking);
        }
        List<Entry> plain = entries.stream().filter(e -> e.marker() == Marker.NONE).toList();
        List<Entry> same = plain.stream().filter(e -> KeyUtils.compareKeys(e.key(), key)).toList();
        if (!same.isEmpty()) {
            return new Lookup(Status.KNOWN, same);
        }
        return plain.isEmpty() ? new Lookup(Status.UNKNOWN, List.of()) : new Lookup(Status.CHANGED, plain);
    }

    /**
     * The key types recorded for the host, as OpenSSH counts them when it puts the host key
     * algorithms of known types first: a type counts when the first plain line of that type holds a
     * key that no {@code @revoked} line revokes.
     */
    public Set<String> recordedKeyTypes(SshEndpoint endpoint) {
        List<Entry> entries = entriesFor(nameOf(endpoint));
        Set<String> seen = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        for (Entry e : entries) {
            String type = KeyUtils.getKeyType(e.key());
            if (e.marker() != Marker.NONE || !seen.add(type)) {
                continue;
            }
            boolean revoked = entries.stream()
                    .anyMatch(r -> r.marker() == Marker.REVOKED && KeyUtils.compareKeys(r.key(), e.key()));
            if (!revoked) {
                types.add(type);
            }
        }
        return types;
    }

    /**
     * Appends the key for a new host to the first user file, in the form OpenSSH writes (hashed
     * with {@code HashKnownHosts}); the rest of the file is kept as is. Nothing is written when the
     * key is known; a changed or revoked key is never recorded.
     */
    public boolean record(SshEndpoint endpoint, PublicKey key, AtomicFile atomic) {
        Lookup lookup = check(endpoint, key);
        if (lookup.status() == Status.KNOWN) {
            return false;
        }
        if (lookup.status() != Status.UNKNOWN) {
            throw new IllegalStateException("A changed or revoked host key is never recorded");
        }
        if (Files.exists(userFile) && !Files.isRegularFile(userFile) && !Files.isDirectory(userFile)) {
            // UserKnownHostsFile /dev/null (or another device): the user keeps no record, and OpenSSH's
            // append goes nowhere. Writing "atomically" would replace the device with a file.
            return false;
        }
        String name = hashNewEntries ? KnownHostsNames.hashed(nameOf(endpoint)) : nameOf(endpoint);
        try {
            String line = name + " " + PublicKeyEntry.toString(key) + "\n";
            FilePermissions.createPrivateDirectories(userFile.toAbsolutePath().getParent());
            // Read under the lock, so a line ssh or another run added meanwhile is kept; ISO-8859-1 both
            // ways: every byte of the user's lines comes back as it was.
            try {
                return atomic.update(userFile, current -> {
                    String existing = current.map(b -> new String(b, StandardCharsets.ISO_8859_1)).orElse("");
                    String sep = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
                    return (existing + sep + line).getBytes(StandardCharsets.ISO_8859_1);
                }, AtomicFile.Options.ownerOnly()).changed();
            } finally {
                read.clear(); // after the write: a read in between would keep the file without the new line
            }
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "known-hosts-unwritable",
                    Text.of("error.known-hosts-unwritable", userFile, e.getClass().getSimpleName()),
                    Text.of("error.known-hosts-unwritable.hint"), e);
        }
    }

    /** Every readable line of every file that names the host, in file then line order. */
    List<Entry> entriesFor(String name) {
        return read.computeIfAbsent(name, this::readEntries);
    }

    private List<Entry> readEntries(String name) {
        List<Entry> found = new ArrayList<>();
        Predicate<String> names = KnownHostsNames.matcher(name);
        for (Path file : files) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Entry e = parse(file, i + 1, lines.get(i), names);
                if (e != null) {
                    found.add(e);
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * A file OpenSSH could not open (missing, a directory, unreadable) is read as empty, as OpenSSH
     * does. One too large to read is refused: skipping it could turn a changed key into a new one.
     */
    private static List<String> readLines(Path file) {
        // Never open what is not a regular file: a FIFO planted as known_hosts would block the read.
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "known-hosts-too-large",
                        Text.of("error.known-hosts-too-large", file, MAX_FILE_BYTES / (1024 * 1024)),
                        Text.of("error.known-hosts-too-large.hint"));
            }
            return List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\n", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** One line, or null when it is blank, a comment, unreadable to OpenSSH, or for another host. */
    private static Entry parse(Path file, int number, String raw, Predicate<String> names) {
        String[] fields = raw.strip().split("[ \t\r]+");
        int i = 0;
        if (fields.length == 0 || fields[0].isEmpty() || fields[0].startsWith("#")) {
            return null;
        }
        Marker marker = Marker.NONE;
        if (fields[0].startsWith("@")) {
            marker = switch (fields[0]) {
                case "@cert-authority" -> Marker.CERT_AUTHORITY;
                case "@revoked" -> Marker.REVOKED;
                default -> null;
            };
            if (marker == null) {
                return null;
            }
            i++;
        }
        if (fields.length < i + 3 || !names.test(fields[i])) {
            return null;
        }
        PublicKey key = key(fields[i + 1], fields[i + 2]);
        return key == null ? null : new Entry(file, number, marker, key);
    }

    private static PublicKey key(String type, String base64) {
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(type + " " + base64)
                    .resolvePublicKey(null, Map.of(), null);
            if (key == null) {
                return null;
            }
            String actual = KeyUtils.getKeyType(key);
            // The type named on the line must be the key's own, as OpenSSH requires.
            boolean rsaAlias = "ssh-rsa".equals(actual) && ("rsa-sha2-256".equals(type) || "rsa-sha2-512".equals(type));
            return actual.equals(type) || rsaAlias ? key : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
