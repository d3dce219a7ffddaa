package org.gitlabaccess.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.Stylesheet;

/**
 * Build-time tool (pom.xml, after the classes are built): writes each stylesheet given as an argument
 * in JavaFX's binary form beside it ({@code wizard.css} → {@code wizard.bss}). JavaFX loads the
 * binary form when it finds one, so the window's first frame does not wait for the CSS parser.
 *
 * <p>JavaFX keeps, with each {@code url()}, the address of the file it was read from (the base of a
 * relative one): the build directory's path, which would make the jar differ between checkouts. That
 * address is replaced by the file's name. Only a {@code url()} relative to its stylesheet is resolved
 * against it (one with a scheme, such as the theme's {@code data:} icons, or from the class path's
 * root is not), and the tool refuses a stylesheet holding one.
 */
public final class BinaryStylesheets {
    /** A url() relative to its stylesheet: neither with a scheme (data:, jar: ...) nor from the class path's root. */
    private static final Pattern RELATIVE_URL = Pattern.compile("url\\(\\s*+[\"']?+(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)[^)]*\\)");

    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        for (String css : args) {
            if (!css.endsWith(".css")) {
                throw new IllegalArgumentException("not a .css file: " + css);
            }
            File source = new File(css);
            Matcher relative = RELATIVE_URL.matcher(Files.readString(source.toPath()));
            if (relative.find()) {
                throw new IllegalStateException(css + ": a relative url() would not resolve from the jar: "
                        + relative.group());
            }
            File binary = new File(css.substring(0, css.length() - 4) + ".bss");
            Stylesheet.convertToBinary(source, binary);
            Files.write(binary.toPath(), withoutBuildPath(Files.readAllBytes(binary.toPath()),
                    source.toURI().toURL().toExternalForm(), source.getName()));
        }
    }

    /**
     * The binary form with the string {@code from} in its string table replaced by {@code to}: a
     * version, the number of strings, the index of the one null among them (-1: none), each other
     * string, then the rules, which refer to strings by index only.
     */
    static byte[] withoutBuildPath(byte[] bss, String from, String to) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bss));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bss.length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(in.readShort());
        int count = in.readUnsignedShort();
        short nullIndex = in.readShort();
        out.writeShort(count);
        out.writeShort(nullIndex);
        for (int i = 0; i < count; i++) {
            if (i == nullIndex) {
                continue;
            }
            String s = in.readUTF();
            out.writeUTF(s.equals(from) ? to : s);
        }
        out.write(in.readAllBytes());
        out.flush();
        return bytes.toByteArray();
    }
}
