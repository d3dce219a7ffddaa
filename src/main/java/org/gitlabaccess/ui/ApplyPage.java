package org.gitlabaccess.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.setup.StepOutcome;

/** Step 8: each action with its progress, then the verification; a failure says what to do, with retry. */
final class ApplyPage implements WizardPage {
    private final ApplyViewModel model;
    private final Messages m;
    private final ListView<StepOutcome> list = new ListView<>();
    private final VBox view;

    ApplyPage(Messages m, ApplyViewModel model) {
        this.m = m;
        this.model = model;
        list.setItems(model.outcomes());
        list.setAccessibleText(m.get("apply.list.accessible"));
        list.setCellFactory(v -> Ui.statusCell(list, o -> new Ui.StatusLine(mark(o) + "  " + o.summary(),
                "check-" + (o.failed() ? "fail" : "ok"), o.hint())));
        VBox.setVgrow(list, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty()); // no empty band above the list once done
        Label status = Ui.hint("");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        Button retry = new Button(m.get("apply.retry"));
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> model.start());
        Button copy = new Button(m.get("apply.copy"));
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(details());
            Clipboard.getSystemClipboard().setContent(c);
        });
        var failed = Bindings.createBooleanBinding(() -> !model.runningProperty().get()
                && model.outcomes().stream().anyMatch(StepOutcome::failed), model.runningProperty(), model.outcomes());
        retry.visibleProperty().bind(failed);
        copy.visibleProperty().bind(failed);
        view = Ui.page(Ui.title(m.get("apply.title")), bar, status, list, new HBox(10, retry, copy));
    }

    private static String mark(StepOutcome o) {
        return switch (o.status()) {
            case CHANGED, UNCHANGED -> "✓";
            case SKIPPED -> "–";
            case FAILED -> "✗";
        };
    }

    /** What "Copy details" puts on the clipboard: every outcome, redacted. */
    String details() {
        StringBuilder sb = new StringBuilder("GitLab Access Wizard — setup (" + model.outcomes().size() + " steps)\n");
        for (StepOutcome o : model.outcomes()) {
            sb.append(o.stepId()).append(": ").append(o.status().name().toLowerCase(Locale.ROOT)).append(" — ")
                    .append(o.summary());
            if (o.hint() != null) {
                sb.append(" (").append(o.hint()).append(')');
            }
            sb.append('\n');
        }
        return Redactor.redact(sb.toString());
    }

    @Override
    public String titleKey() {
        return "step.apply";
    }

    @Override
    public Parent view() {
        return view;
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

    @Override
    public void cancelWork() {
        model.cancel();
    }

    @Override
    public Node firstFocus() {
        return list;
    }
}
