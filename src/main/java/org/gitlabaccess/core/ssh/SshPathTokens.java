package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Expands what {@code ssh -G} leaves unexpanded in {@code IdentityFile}: a leading {@code ~}, the
 * {@code %} tokens of ssh_config(5) and {@code ${VAR}}. {@code ~} and {@code %d} are the product's
 * home (the sandbox when {@code HOME} points to one), as the rest of the product reads it.
 */
final class SshPathTokens {
    /** The values the tokens stand for. */
    record Values(Path home, String alias, String hostName, int port, String remoteUser, String localUser,
                  String proxyJump, String hostKeyAlias, Map<String, String> environment) {
    }

    private SshPathTokens() {
    }

    static String expand(String path, Values v) {
        String p = path;
        if (p.equals("~")) {
            p = v.home().toString();
        } else if (p.startsWith("~/")) {
            p = v.home().resolve(p.substring(2)).toString();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '%' && i + 1 < p.length()) {
                String value = token(p.charAt(i + 1), v);
                if (value != null) {
                    out.append(value);
                    i++;
                    continue;
                }
            } else if (c == '$' && i + 1 < p.length() && p.charAt(i + 1) == '{') {
                int close = p.indexOf('}', i + 2);
                if (close > 0) {
                    out.append(v.environment().getOrDefault(p.substring(i + 2, close), ""));
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String token(char t, Values v) {
        return switch (t) {
            case '%' -> "%";
            case 'd' -> v.home().toString();
            case 'h' -> v.hostName();
            case 'n' -> v.alias();
            case 'p' -> String.valueOf(v.port());
            case 'r' -> v.remoteUser();
            case 'u' -> v.localUser();
            case 'j' -> v.proxyJump();
            case 'k' -> v.hostKeyAlias() != null ? v.hostKeyAlias() : v.alias();
            case 'l' -> LocalHost.NAME.get();
            case 'L' -> LocalHost.NAME.get().split("\\.", 2)[0];
            case 'i' -> LocalHost.UID.get();
            case 'C' -> sha1(LocalHost.NAME.get() + v.hostName() + v.port() + v.remoteUser());
            default -> null;
        };
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Computed on first use only: most configurations never name these tokens. */
    private static final class LocalHost {
        static final Supplier<String> NAME = memo(LocalHost::hostName);
        static final Supplier<String> UID = memo(LocalHost::uid);

        private static String hostName() {
            try {
                Path kernel = Path.of("/proc/sys/kernel/hostname");
                if (Files.isRegularFile(kernel)) {
                    return Files.readString(kernel).strip();
                }
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }

        private static String uid() {
            try {
                return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return "%i";
            }
        }

        private static Supplier<String> memo(Supplier<String> s) {
            String[] cell = new String[1];
            return () -> {
                synchronized (cell) {
                    if (cell[0] == null) {
                        cell[0] = s.get();
                    }
                    return cell[0];
                }
            };
        }
    }
}
