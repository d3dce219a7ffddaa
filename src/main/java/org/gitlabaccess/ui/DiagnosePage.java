package org.gitlabaccess.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.FixRunner;
import org.gitlabaccess.core.doctor.Remedy;

/**
 * Step 2: what is broken, in plain words, as the checks finish; a fix the doctor can make is made
 * here after the user agreed to what it changes, and a manual one leads to the step that does it.
 */
final class DiagnosePage extends StepPage {
    static final String TITLE = "step.diagnose";
    private final DiagnoseViewModel model;
    private final ListView<CheckResult> list = new ListView<>();
    private Consumer<Remedy> remedies = r -> { };

    DiagnosePage(Messages m, DiagnoseViewModel model) {
        super(m, TITLE);
        cancelWith(model::cancel);
        this.model = model;
        BooleanBinding busy = model.runningProperty().or(model.fixingProperty());
        list.setItems(model.results());
        list.setAccessibleText(m.get("diagnose.list.accessible"));
        list.setCellFactory(v -> new DiagnoseCell(m, list, busy, this::consent, this::fix, this::remedy));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button again = new Button(m.get("diagnose.again"));
        again.setMnemonicParsing(true);
        again.disableProperty().bind(busy);
        again.setOnAction(e -> model.run());
        Label status = Ui.hint(statusText());
        status.getStyleClass().add("fix-status");
        layout(m.get("diagnose.title"), Ui.subtitle(m.get("diagnose.hint")), Ui.actions(Ui.spinner(busy), again),
                status, list);
        focusFirst(() -> list);
    }

    /** Where a remedy's step is: set by the window that holds the steps. */
    void onRemedy(Consumer<Remedy> remedies) {
        this.remedies = remedies;
    }

    /** The running fix, the last one's outcome or failure, else how many the wizard can fix. */
    private StringBinding statusText() {
        return Bindings.createStringBinding(() -> {
            if (model.fixingProperty().get()) {
                return m.get("diagnose.fix.running");
            }
            if (model.fixErrorProperty().get() != null) {
                return m.get("diagnose.fix.failed", model.fixErrorProperty().get());
            }
            FixRunner.Outcome done = model.lastFixProperty().get();
            if (done != null) {
                return m.get("diagnose.fix.done", DiagnoseCell.name(m, done.after()), done.changed(),
                        done.after().summary());
            }
            long fixable = model.results().stream().filter(FixRunner::fixable).count();
            return fixable == 0 || model.runningProperty().get() ? "" : m.get("diagnose.fixable", fixable);
        }, model.fixingProperty(), model.fixErrorProperty(), model.lastFixProperty(), model.runningProperty(),
                model.results());
    }

    /** What a fix will change, its paths under the home shown as ~. */
    private String consent(CheckResult r) {
        return Ui.tilde(r.fix().consent(), model.home());
    }

    private void fix(CheckResult r) {
        if (new FixConsentDialog(m).ask(DiagnoseCell.name(m, r), consent(r),
                view().getScene() == null ? null : view().getScene().getWindow())) {
            model.fix(r);
        }
    }

    private void remedy(Remedy r) {
        if (r.kind() == Remedy.Kind.CHECK_AGAIN) {
            model.run();
        } else {
            remedies.accept(r);
        }
    }

    /** Busy while a fix runs: it changes files, so it is not left halfway by going on. */
    @Override
    public ObservableBooleanValue busy() {
        return model.fixingProperty();
    }

    @Override
    public void entered() {
        if (model.results().isEmpty() && !model.runningProperty().get()) {
            model.run();
        }
    }
}
