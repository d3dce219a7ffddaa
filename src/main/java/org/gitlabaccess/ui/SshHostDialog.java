package org.gitlabaccess.ui;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.gitlab.ForeignSshHostException;

/**
 * Asks whether to use the SSH host the API named outside the instance's domain. The host is shown
 * in an editable field (an administrator may give another one); nothing is used until the user says
 * so. Enter takes what the field holds (only a valid host name); Escape cancels.
 */
final class SshHostDialog {
    private final Messages m;

    SshHostDialog(Messages m) {
        this.m = m;
    }

    /**
     * Asks whenever a page's model meets a foreign SSH host: the answer goes to {@code use}, a refusal
     * to {@code decline}.
     */
    void askWhenPending(ObservableValue<ForeignSshHostException> pending, Node page, Consumer<String> use,
                        Runnable decline) {
        pending.addListener((o, was, foreign) -> {
            if (foreign != null) {
                // After the task's handler that set it has returned: a dialog must not nest inside it.
                Platform.runLater(() -> ask(foreign, page.getScene() == null ? null : page.getScene().getWindow())
                        .ifPresentOrElse(use, decline));
            }
        });
    }

    /** The host the user confirmed, or empty. */
    Optional<String> ask(ForeignSshHostException foreign, Window owner) {
        ButtonType use = new ButtonType(m.get("sshhost.use"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("sshhost.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(m.get("sshhost.title"));
        dialog.setHeaderText(m.get("sshhost.header"));
        dialog.setGraphic(Icons.of(Icons.Kind.QUESTION, m, Icons.DIALOG));
        WizardStyle.apply(dialog.getDialogPane());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        TextField host = new TextField(foreign.endpoint().hostName());
        host.setAccessibleText(m.get("sshhost.field.accessible"));
        Label field = new Label(m.get("sshhost.field"));
        field.setMnemonicParsing(true);
        field.setLabelFor(host);
        Label text = new Label(m.get("sshhost.text", foreign.instanceHost(), foreign.endpoint().hostName()));
        text.setWrapText(true);
        text.setMaxWidth(480);
        Label invalid = Ui.hint(m.get("sshhost.invalid"));
        invalid.getStyleClass().add("error-text");
        invalid.visibleProperty().bind(host.textProperty().map(t -> NetworkNames.host(t.strip()).isEmpty()));
        invalid.managedProperty().bind(invalid.visibleProperty());
        VBox content = new VBox(text, field, host, invalid);
        content.getStyleClass().add("field-group");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(use, cancel);
        dialog.getDialogPane().lookupButton(use).disableProperty().bind(invalid.visibleProperty());
        // After the dialog pane has given the focus to its default button.
        dialog.setOnShown(e -> Platform.runLater(host::requestFocus));
        return dialog.showAndWait().filter(use::equals).map(b -> host.getText().strip());
    }
}
