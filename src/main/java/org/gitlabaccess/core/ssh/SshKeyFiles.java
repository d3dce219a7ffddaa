package org.gitlabaccess.core.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.io.Secret;

/**
 * Creates ed25519 keys with MINA SSHD in OpenSSH's format (a passphrase encrypts them with bcrypt
 * KDF and aes256-ctr, as ssh-keygen does), and reads existing keys for reuse. Private keys are
 * created owner-only from the first byte, never overwritten, and never logged.
 */
public final class SshKeyFiles {
    /** Key files are read only as regular files of at most this size (an RSA-16384 private key is about 13 KiB). */
    static final long KEY_FILE_LIMIT = 64 * 1024;

    private static final int MIN_RSA_BITS = 3072;

    private SshKeyFiles() {
    }

    /** {@code ~/.ssh/id_ed25519_<host>}: specific to the host, so it never collides with the user's own key. */
    public static Path defaultKeyFile(Path home, String host) {
        String safe = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return home.resolve(".ssh").resolve("id_ed25519_" + safe);
    }

    public static Path publicFileOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Generates a new ed25519 key; fails (changing nothing) when either file exists. */
    public static SshKey create(Path privateKey, String comment, Secret passphrase) {
        Path publicKey = publicFileOf(privateKey);
        if (Files.exists(privateKey) || Files.exists(publicKey)) {
            throw exists(Files.exists(privateKey) ? privateKey : publicKey);
        }
        KeyPair pair;
        byte[] privateBytes;
        try {
            pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            OpenSSHKeyEncryptionContext encryption = null;
            if (passphrase != null && !passphrase.isEmpty()) {
                encryption = new OpenSSHKeyEncryptionContext();
                encryption.setCipherName("AES");
                encryption.setCipherMode("CTR");
                encryption.setCipherType("256");
                encryption.setPassword(passphrase.reveal());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, encryption, out);
            privateBytes = out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot generate an ed25519 key", e);
        }
        String publicLine = PublicKeyEntry.toString(pair.getPublic()) + " " + comment;
        try {
            FilePermissions.createPrivateDirectories(privateKey.toAbsolutePath().getParent());
            // The private key first and whole, so there is never a public key without it, nor half a key.
            AtomicFile files = new AtomicFile();
            files.createNew(privateKey, privateBytes, FilePermissions.OWNER_ONLY_FILE);
            try {
                files.createNew(publicKey, (publicLine + "\n").getBytes(StandardCharsets.UTF_8),
                        FilePermissions.DEFAULT_FILE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(privateKey);
                throw e;
            }
            WindowsAcl.restrictToOwner(privateKey);
        } catch (FileAlreadyExistsException e) {
            throw exists(Path.of(e.getFile()));
        } catch (IOException e) {
            throw FileWriteProblems.of(privateKey, e);
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
        return new SshKey(privateKey, publicKey, pair.getPublic(), publicLine, KeyPairProvider.SSH_ED25519, 256,
                KeyFingerprint.sha256(pair.getPublic()), comment, passphrase != null && !passphrase.isEmpty());
    }

    /**
     * Reads an existing key for reuse: ed25519, RSA of at least 3072 bits, or ECDSA. The private key
     * is decrypted once to prove the passphrase (and that it matches its .pub), then dropped.
     */
    public static SshKey read(Path privateKey, Secret passphrase) {
        KeyPair pair = loadPair(privateKey, passphrase);
        PublicKey pub = pair.getPublic();
        String type = KeyUtils.getKeyType(pub);
        int bits = bitsOf(pub);
        if (pub instanceof RSAKey && bits < MIN_RSA_BITS) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-too-weak",
                    Text.of("error.key-too-weak", privateKey, bits, MIN_RSA_BITS), Text.of("error.key-too-weak.hint"));
        }
        if (!(type.equals(KeyPairProvider.SSH_ED25519) || pub instanceof RSAKey || pub instanceof ECKey)) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-type",
                    Text.of("error.key-type", privateKey, type), Text.of("error.key-type.hint"));
        }
        Path publicFile = publicFileOf(privateKey);
        String comment = "";
        if (Files.isReadable(publicFile)) {
            SshKey fromPub = readPublic(publicFile);
            if (!KeyUtils.compareKeys(fromPub.publicKey(), pub)) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-mismatch",
                        Text.of("error.key-mismatch", publicFile, privateKey),
                        Text.of("error.key-mismatch.hint", privateKey, publicFile));
            }
            comment = fromPub.comment();
        }
        String line = PublicKeyEntry.toString(pub) + (comment.isBlank() ? "" : " " + comment);
        return new SshKey(privateKey, publicFile, pub, line, type, bits, KeyFingerprint.sha256(pub), comment,
                passphrase != null && !passphrase.isEmpty());
    }

    /** Reads a {@code .pub} file: one OpenSSH public key line. */
    public static SshKey readPublic(Path publicFile) {
        String line;
        try {
            line = new String(BoundedFiles.readRegular(publicFile, KEY_FILE_LIMIT), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-missing",
                    Text.of("error.key-missing.public", publicFile), Text.of("error.key-missing.public.hint"));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-unreadable",
                    Text.of("error.key-unreadable", publicFile), Text.of("error.key-unreadable.hint"), e);
        }
        String[] parts = line.split("\\s+", 3);
        try {
            PublicKey pub = PublicKeyEntry.parsePublicKeyEntry(parts[0] + " " + (parts.length > 1 ? parts[1] : ""))
                    .resolvePublicKey(null, Map.of(), null);
            if (pub == null) {
                throw new GeneralSecurityException("unsupported key type " + parts[0]);
            }
            Path privateFile = publicFile.getFileName().toString().endsWith(".pub")
                    ? publicFile.resolveSibling(publicFile.getFileName().toString().replaceAll("\\.pub$", "")) : null;
            return new SshKey(privateFile, publicFile, pub, line, KeyUtils.getKeyType(pub), bitsOf(pub),
                    KeyFingerprint.sha256(pub), parts.length > 2 ? parts[2] : "", false);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-invalid",
                    Text.of("error.key-invalid.public", publicFile), Text.of("error.key-invalid.public.hint"));
        }
    }

    /** Loads the private key pair (decrypting it with the passphrase); for connections and checks. */
    public static KeyPair loadPair(Path privateKey, Secret passphrase) {
        FilePasswordProvider password = passphrase == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(passphrase.reveal());
        try (InputStream in = new ByteArrayInputStream(BoundedFiles.readRegular(privateKey, KEY_FILE_LIMIT))) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(privateKey.toString()),
                    in, password);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new GeneralSecurityException("no key");
            }
            return it.next();
        } catch (NoSuchFileException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-missing",
                    Text.of("error.key-missing.private", privateKey), Text.of("error.key-missing.private.hint"));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            boolean encrypted = isEncrypted(privateKey);
            if (encrypted && (passphrase == null || passphrase.isEmpty())) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-passphrase-needed",
                        Text.of("error.key-passphrase-needed", privateKey),
                        Text.of("error.key-passphrase-needed.hint"));
            }
            if (encrypted) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-passphrase-wrong",
                        Text.of("error.key-passphrase-wrong", privateKey), Text.of("error.key-passphrase-wrong.hint"));
            }
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-invalid",
                    Text.of("error.key-invalid.private", privateKey), Text.of("error.key-invalid.private.hint"));
        }
    }

    static boolean isEncrypted(Path privateKey) {
        try {
            String text = new String(BoundedFiles.readRegular(privateKey, KEY_FILE_LIMIT), StandardCharsets.US_ASCII);
            if (text.contains("ENCRYPTED")) {
                return true;
            }
            if (text.contains("BEGIN OPENSSH PRIVATE KEY")) {
                String b64 = text.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
                byte[] raw = Base64.getDecoder().decode(b64);
                // "openssh-key-v1\0" then a length-prefixed cipher name; "none" means unencrypted.
                ByteBuffer b = ByteBuffer.wrap(raw, 15, raw.length - 15);
                int len = b.getInt();
                String cipher = new String(raw, 19, len, StandardCharsets.US_ASCII);
                return !cipher.equals("none");
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int bitsOf(PublicKey key) {
        if (key instanceof RSAKey r) {
            return r.getModulus().bitLength();
        }
        if (key instanceof ECKey e) {
            return e.getParams().getCurve().getField().getFieldSize();
        }
        return 256;
    }

    private static ProblemException exists(Path file) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "key-exists", Text.of("error.key-exists", file),
                Text.of("error.key-exists.hint", publicFileOf(file).toString().replaceAll("\\.pub\\.pub$", ".pub")));
    }
}
