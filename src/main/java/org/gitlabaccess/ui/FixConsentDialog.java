package org.gitlabaccess.ui;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Asks before an automatic fix runs, showing what it will change. Enter applies it (the default
 * button, also Alt and its mnemonic), Escape changes nothing.
 */
final class FixConsentDialog {
    private final Messages m;

    FixConsentDialog(Messages m) {
        this.m = m;
    }

    /** True when the user agreed to the change. */
    boolean ask(String checkName, String consent, Window owner) {
        ButtonType apply = new ButtonType(m.get("diagnose.fix.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("diagnose.fix.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(m.get("diagnose.fix.title", checkName));
        dialog.setHeaderText(m.get("diagnose.fix.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Label text = new Label(consent);
        text.setWrapText(true);
        text.setMaxWidth(480);
        text.getStyleClass().add("fix-consent");
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().setAll(apply, cancel);
        return dialog.showAndWait().filter(apply::equals).isPresent();
    }
}
