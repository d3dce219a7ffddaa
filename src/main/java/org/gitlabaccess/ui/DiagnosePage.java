package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.doctor.CheckResult;

/** Step 2: what is broken, in plain words, as the checks finish. */
final class DiagnosePage implements WizardPage {
    private final DiagnoseViewModel model;
    private final Messages m;
    private final VBox view;
    private final ListView<CheckResult> list = new ListView<>();

    DiagnosePage(Messages m, DiagnoseViewModel model) {
        this.m = m;
        this.model = model;
        list.setItems(model.results());
        list.setAccessibleText(m.get("diagnose.list.accessible"));
        list.setCellFactory(v -> Ui.statusCell(list, r -> new Ui.StatusLine(
                symbol(r) + "  " + m.get("check." + r.id().wire()) + ": " + r.summary(),
                "check-" + r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.fix() != null && r.status() != org.gitlabaccess.core.doctor.CheckStatus.OK
                        ? m.get("diagnose.fix", r.fix().description()) : null)));
        VBox.setVgrow(list, Priority.ALWAYS);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Button again = new Button(m.get("diagnose.again"));
        again.setMnemonicParsing(true);
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the hint beside it wraps instead
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(e -> model.run());
        HBox bar = new HBox(10, spinner, Ui.hint(m.get("diagnose.hint")), again);
        view = Ui.page(Ui.title(m.get("diagnose.title")), bar, list);
    }

    private static String symbol(CheckResult r) {
        return switch (r.status()) {
            case OK -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case SKIP -> "–";
        };
    }

    @Override
    public String titleKey() {
        return "step.diagnose";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return new SimpleBooleanProperty(true);
    }

    @Override
    public ObservableBooleanValue busy() {
        return Bindings.createBooleanBinding(() -> false);
    }

    @Override
    public void entered() {
        if (model.results().isEmpty() && !model.runningProperty().get()) {
            model.run();
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
