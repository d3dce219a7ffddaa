package org.gitlabaccess.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
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
        Application.setUserAgentStylesheet((dark ? new PrimerDark() : new PrimerLight()).getUserAgentStylesheet());
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
