package org.gitlabaccess.core.io;

import java.nio.charset.StandardCharsets;

/**
 * The ref advertisement {@code git-upload-pack} opens with, over SSH and smart HTTP alike, in
 * pkt-lines up to a flush packet: counted as the lines {@code git ls-remote} prints (a peeled tag's
 * {@code ^{}} line too; an empty repository's {@code capabilities^{}} is no ref).
 */
public final class RefAdvertisement {
    /** The most an advertisement may take: GitLab's biggest repositories advertise some 100,000 refs, about 8 MiB. */
    public static final int MAX_BYTES = 64 << 20;

    private RefAdvertisement() {
    }

    /** The refs advertised, or -1 when the advertisement is not complete (no flush packet, an error). */
    public static int count(byte[] stream) {
        return count(stream, 0);
    }

    /** As {@link #count(byte[])}, from the pkt-line at {@code from}. */
    public static int count(byte[] stream, int from) {
        int refs = 0;
        int at = from;
        while (at + 4 <= stream.length) {
            int length = length(stream, at);
            if (length == 0) {
                return refs;
            }
            if (length < 4 || at + length > stream.length) {
                return -1;
            }
            String line = new String(stream, at + 4, length - 4, StandardCharsets.UTF_8);
            if (line.startsWith("ERR ")) {
                return -1;
            }
            int nul = line.indexOf('\0');
            String ref = (nul >= 0 ? line.substring(0, nul) : line).strip();
            int space = ref.indexOf(' ');
            String name = space >= 0 ? ref.substring(space + 1) : "";
            if (!name.isEmpty() && !name.equals("capabilities^{}")) {
                refs++;
            }
            at += length;
        }
        return -1;
    }

    /** The {@code ERR} line the server sent instead of refs, or empty. */
    public static String error(byte[] stream) {
        if (stream.length < 8 || length(stream, 0) < 8) {
            return "";
        }
        int length = Math.min(length(stream, 0), stream.length);
        String line = new String(stream, 4, length - 4, StandardCharsets.UTF_8);
        return line.startsWith("ERR ") ? line.substring(4).strip() : "";
    }

    /** The four hex digits at {@code at}, or -1 when they are not hex (or not there). */
    public static int length(byte[] stream, int at) {
        if (at + 4 > stream.length) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(stream[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
