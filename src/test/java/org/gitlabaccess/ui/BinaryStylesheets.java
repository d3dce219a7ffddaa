package org.gitlabaccess.ui;

import java.io.File;
import java.io.IOException;
import javafx.css.Stylesheet;

/**
 * Build-time tool (pom.xml, after the classes are built): writes each stylesheet given as an argument
 * in JavaFX's binary form beside it ({@code wizard.css} → {@code wizard.bss}). JavaFX loads the
 * binary form when it finds one, so the window's first frame does not wait for the CSS parser.
 */
public final class BinaryStylesheets {
    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        for (String css : args) {
            if (!css.endsWith(".css")) {
                throw new IllegalArgumentException("not a .css file: " + css);
            }
            Stylesheet.convertToBinary(new File(css), new File(css.substring(0, css.length() - 4) + ".bss"));
        }
    }
}
