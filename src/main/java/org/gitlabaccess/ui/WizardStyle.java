package org.gitlabaccess.ui;

import javafx.scene.Scene;

/** The wizard's stylesheets: the base one, plus the dark one when the system is dark. */
final class WizardStyle {
    private WizardStyle() {
    }

    static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().add(WizardStyle.class.getResource("wizard.css").toExternalForm());
        if (dark) {
            scene.getStylesheets().add(WizardStyle.class.getResource("wizard-dark.css").toExternalForm());
        }
    }
}
