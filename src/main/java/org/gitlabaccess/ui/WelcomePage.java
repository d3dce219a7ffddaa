package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1: the GitLab address, and what will happen in three lines. */
final class WelcomePage extends StepPage {
    static final String TITLE = "step.welcome";
    private final WelcomeViewModel model;
    private final WizardSession session;
    private final TextField hostField = new TextField();

    WelcomePage(Messages m, WelcomeViewModel model, WizardSession session) {
        super(m, TITLE);
        this.model = model;
        this.session = session;
        hostField.textProperty().bindBidirectional(model.hostProperty());
        hostField.setPromptText(m.get("welcome.host.prompt"));
        hostField.setAccessibleText(m.get("welcome.host.accessible"));
        hostField.setMaxWidth(480);
        // Only once something is typed: an empty field is not yet wrong.
        StringBinding problem = Bindings.createStringBinding(() -> model.hostProperty().get() == null
                || model.hostProperty().get().isBlank() || model.hostValidProperty().get() ? ""
                : m.get("welcome.host.invalid"), model.hostProperty(), model.hostValidProperty());
        Ui.flagWhen(hostField, problem);
        VBox intro = new VBox();
        intro.getStyleClass().add("intro");
        for (int i = 1; i <= 3; i++) {
            intro.getChildren().add(numbered(i, m.get("welcome.line" + i)));
        }
        VBox host = new VBox(Ui.fieldLabel(m.get("welcome.host.label"), hostField), hostField,
                Ui.problem(problem, m), Ui.hint(m.get("welcome.host.help")));
        host.getStyleClass().add("field-group");
        layout(m.get("welcome.title"), intro, host);
        focusFirst(() -> hostField);
    }

    /** One of the three things that will happen, its number in a badge (read as part of the line). */
    private static HBox numbered(int number, String text) {
        Label badge = new Label(String.valueOf(number));
        badge.getStyleClass().add("intro-number");
        Label line = Ui.text(text);
        line.setAccessibleText(number + ". " + text);
        HBox row = new HBox(badge, line);
        row.getStyleClass().add("intro-line");
        return row;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.hostValidProperty();
    }

    @Override
    public void committed() {
        session.changeHost(model.hostProperty().get().strip());
    }
}
