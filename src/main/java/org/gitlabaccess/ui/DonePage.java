package org.gitlabaccess.ui;

import java.io.File;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 9: the summary, and revoking the setup token. */
final class DonePage implements WizardPage {
    private final DoneViewModel model;
    private final Button revoke;
    private final VBox view;

    DonePage(Messages m, DoneViewModel model) {
        this.model = model;
        Label summary = Ui.text("");
        summary.textProperty().bind(model.summaryProperty());
        Label result = Ui.hint("");
        result.textProperty().bind(model.resultProperty());
        revoke = button(m.get("done.revoke"));
        revoke.visibleProperty().bind(model.revokeOfferedProperty());
        revoke.disableProperty().bind(model.revokeAvailableProperty().not());
        revoke.setOnAction(e -> model.revoke());
        Button report = button(m.get("done.report"));
        report.disableProperty().bind(model.reportAvailableProperty().not());
        report.setOnAction(e -> chooseReportFile(m, report));
        Button undo = button(m.get("done.undo"));
        undo.disableProperty().bind(model.undoAvailableProperty().not());
        undo.setOnAction(e -> model.undo());
        view = Ui.page(Ui.title(m.get("done.title")), summary,
                new VBox(6, new HBox(10, report, undo, revoke), result), Ui.hint(m.get("done.cli")));
    }

    private static Button button(String text) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        return b;
    }

    private void chooseReportFile(Messages m, Button button) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.get("done.report"));
        chooser.setInitialFileName("gitlab-access-report.md");
        File file = chooser.showSaveDialog(button.getScene().getWindow());
        if (file != null) {
            model.saveReport(file.toPath());
        }
    }

    @Override
    public String titleKey() {
        return "step.done";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public ObservableBooleanValue busy() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        model.prepare();
    }

    @Override
    public Node firstFocus() {
        return revoke;
    }
}
