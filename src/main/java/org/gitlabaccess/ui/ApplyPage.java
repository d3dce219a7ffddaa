package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.setup.StepOutcome;

/** Step 8: each action with its progress, then the verification; a failure says what to do, with retry. */
final class ApplyPage extends StepPage {
    static final String TITLE = "step.apply";
    private final ApplyViewModel model;
    private final ListView<StepOutcome> list = new ListView<>();

    ApplyPage(Messages m, ApplyViewModel model) {
        super(m, TITLE);
        cancelWith(model::cancel);
        this.model = model;
        list.setItems(model.outcomes());
        list.setAccessibleText(m.get("apply.list.accessible"));
        list.setCellFactory(v -> Ui.statusCell(list, m, o -> new Ui.StatusLine(Icons.Kind.of(o.status()),
                o.summary(), o.hint())));
        VBox.setVgrow(list, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty()); // no empty band above the list once done
        // The step now running, or what stopped the run (then with the failure's icon).
        Label status = Ui.hint(model.statusProperty());
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> model.runningProperty().get()
                || model.statusProperty().get().isEmpty() ? null : Icons.of(Icons.Kind.FAIL, m),
                model.runningProperty(), model.statusProperty()));
        Button retry = new Button(m.get("apply.retry"));
        retry.setOnAction(e -> model.start());
        Button copy = new Button(m.get("apply.copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(details());
            Clipboard.getSystemClipboard().setContent(c);
        });
        var failed = Bindings.createBooleanBinding(() -> !model.runningProperty().get()
                && model.outcomes().stream().anyMatch(StepOutcome::failed), model.runningProperty(), model.outcomes());
        FlowPane afterFailure = Ui.actions(retry, copy);
        afterFailure.visibleProperty().bind(failed);
        afterFailure.managedProperty().bind(failed); // the list takes the room while nothing failed
        VBox progress = new VBox(bar, status);
        progress.getStyleClass().add("field-group");
        progress.managedProperty().bind(bar.managedProperty().or(status.managedProperty()));
        layout(m.get("apply.title"), progress, list, afterFailure);
        focusFirst(() -> list);
    }

    /** What "Copy details" puts on the clipboard: every outcome, redacted. */
    String details() {
        StringBuilder sb = new StringBuilder(m.get("apply.details.header", model.outcomes().size())).append('\n');
        for (StepOutcome o : model.outcomes()) {
            sb.append(o.stepId()).append(": ").append(o.status().id()).append(" — ")
                    .append(o.summary());
            if (o.hint() != null) {
                sb.append(" (").append(o.hint()).append(')');
            }
            sb.append('\n');
        }
        return Redactor.redact(sb.toString());
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.succeededProperty();
    }

    @Override
    public ObservableBooleanValue busy() {
        return model.runningProperty();
    }

    @Override
    public void entered() {
        if (!model.succeededProperty().get() && !model.runningProperty().get()) {
            model.start();
        }
    }
}
