package org.gitlabaccess.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * The wizard's look: AtlantaFX's Primer theme, light or dark as {@link Appearance} decides, for
 * every window of the application (dialogs too), and wizard.css on top with what is the product's own.
 */
final class WizardStyle {
    private static final String PRODUCT = WizardStyle.class.getResource("wizard.css").toExternalForm();

    private WizardStyle() {
    }

    /**
     * The theme of every window. Before the first control is made: the first control otherwise has
     * JavaFX load its own theme (Modena), only to be replaced.
     */
    static void useTheme(boolean dark) {
        String theme = (dark ? new PrimerDark() : new PrimerLight()).getUserAgentStylesheet();
        // The theme's rules that can match a node of the wizard, which the build cuts from it under the
        // same name (ThemeSubset in the tests' sources): the first frame matches a fifth of the rules.
        // Without the test classes the build makes none, and the whole theme serves.
        URL subset = WizardStyle.class.getResource(theme.substring(theme.lastIndexOf('/') + 1));
        Application.setUserAgentStylesheet(subset != null ? subset.toExternalForm() : theme);
    }

    /** The wizard's scene: the product's styles over the theme. */
    static void apply(Scene scene) {
        scene.getStylesheets().add(PRODUCT);
    }

    /** A dialog's own scene: the product's styles (its icons' colours) as in the wizard's window. */
    static void apply(DialogPane pane) {
        pane.getStylesheets().add(PRODUCT);
    }
}
