package org.gitlabaccess.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/** Step 9: the summary, and what can follow: a report, undoing the remotes, revoking the setup token. */
final class DonePage extends StepPage {
    static final String TITLE = "step.done";
    private final DoneViewModel model;
    private final Button revoke;
    private final Button report;
    private final Label result;
    /** An action runs from the click until its result arrives. */
    private final BooleanProperty acting = new SimpleBooleanProperty(false);
    private BooleanSupplier succeeded = () -> true;
    private Runnable cloneProjects = () -> { };

    DonePage(Messages m, DoneViewModel model) {
        super(m, TITLE);
        this.model = model;
        Label summary = Ui.text("");
        summary.textProperty().bind(model.summaryProperty());
        summary.setGraphic(Icons.of(Icons.Kind.OK, m));
        summary.getStyleClass().add("summary");
        revoke = new Button(m.get("done.revoke"));
        revoke.visibleProperty().bind(model.revokeOfferedProperty());
        revoke.managedProperty().bind(revoke.visibleProperty());
        revoke.disableProperty().bind(model.revokeAvailableProperty().not());
        // Each view model action gives its availability back only when it failed.
        revoke.setOnAction(e -> act(() -> !model.revokeAvailableProperty().get(), model::revoke));
        report = new Button(m.get("done.report"));
        report.disableProperty().bind(model.reportAvailableProperty().not());
        report.setOnAction(e -> chooseReportFile(report));
        Button undo = new Button(m.get("done.undo"));
        undo.disableProperty().bind(model.undoAvailableProperty().not());
        undo.setOnAction(e -> act(() -> !model.undoAvailableProperty().get(), model::undo));
        Button clone = new Button(m.get("clone.open"));
        clone.setOnAction(e -> cloneProjects.run());
        result = Ui.hint(model.resultProperty());
        model.resultProperty().addListener((o, was, now) -> {
            if (acting.get() && !now.isEmpty()) {
                acting.set(false);
                result.setGraphic(Icons.of(succeeded.getAsBoolean() ? Icons.Kind.OK : Icons.Kind.FAIL, m));
            }
        });
        layout(m.get("done.title"), summary, Ui.actions(report, undo, revoke, clone, Ui.spinner(acting)), result);
        focusFirst(() -> revoke.isVisible() ? revoke : report);
    }

    /** What "Clone your projects" opens: set by the window. */
    void onCloneProjects(Runnable open) {
        cloneProjects = open;
    }

    /** Runs an action of the model, showing that it works until its result comes. */
    private void act(BooleanSupplier succeeded, Runnable action) {
        this.succeeded = succeeded;
        result.setGraphic(null);
        model.resultProperty().set("");
        acting.set(true);
        action.run();
    }

    private void chooseReportFile(Button button) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.get("done.report"));
        chooser.setInitialFileName("gitlab-access-report.md");
        File file = chooser.showSaveDialog(button.getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            act(() -> model.resultProperty().get().equals(m.get("done.report.saved", path)),
                    () -> model.saveReport(path));
        }
    }

    @Override
    public void entered() {
        model.prepare();
    }
}
