package org.gitlabaccess.core.ssh;

import java.nio.charset.StandardCharsets;

/**
 * The ref advertisement {@code git-upload-pack} opens with, in pkt-lines up to a flush packet:
 * counted as JGit's ls-remote counts it (a peeled {@code ^{}} line is no ref of its own, nor is an
 * empty repository's {@code capabilities^{}}).
 */
final class RefAdvertisement {
    private RefAdvertisement() {
    }

    /** The refs advertised, or -1 when the advertisement is not complete (no flush packet, an error). */
    static int count(byte[] stream) {
        int refs = 0;
        int at = 0;
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
            if (!name.isEmpty() && !name.endsWith("^{}")) {
                refs++;
            }
            at += length;
        }
        return -1;
    }

    /** The {@code ERR} line the server sent instead of refs, or empty. */
    static String error(byte[] stream) {
        if (stream.length < 8 || length(stream, 0) < 8) {
            return "";
        }
        int length = Math.min(length(stream, 0), stream.length);
        String line = new String(stream, 4, length - 4, StandardCharsets.UTF_8);
        return line.startsWith("ERR ") ? line.substring(4).strip() : "";
    }

    /** The four hex digits at {@code at}, or -1 when they are not hex. */
    private static int length(byte[] stream, int at) {
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
