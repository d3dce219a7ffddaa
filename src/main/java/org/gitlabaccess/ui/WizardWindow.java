package org.gitlabaccess.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The wizard's frame: the step list on the side, the current step, and Back / Next / Cancel. */
final class WizardWindow {
    static final List<String> STEP_KEYS = List.of("step.welcome", "step.diagnose", "step.method", "step.signin",
            "step.key", "step.repositories", "step.review", "step.apply", "step.done");

    private final Messages messages;
    private final WelcomeViewModel welcome;
    private final BorderPane root = new BorderPane();
    private final TextField hostField = new TextField();

    WizardWindow(Messages messages, WelcomeViewModel welcome) {
        this.messages = messages;
        this.welcome = welcome;
        root.getStyleClass().add("wizard");
        root.setLeft(stepList(0));
        root.setCenter(welcomeStep());
        root.setBottom(buttons());
    }

    Parent root() {
        return root;
    }

    void focusFirst() {
        hostField.requestFocus();
        hostField.end();
    }

    private VBox stepList(int current) {
        VBox list = new VBox(4);
        list.getStyleClass().add("step-list");
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setAccessibleText(messages.get("steps.accessible"));
        for (int i = 0; i < STEP_KEYS.size(); i++) {
            Label step = new Label((i + 1) + "  " + messages.get(STEP_KEYS.get(i)));
            step.getStyleClass().add(i < current ? "step-done" : i == current ? "step-current" : "step-todo");
            step.setAccessibleText(messages.get(i == current ? "steps.current" : "steps.todo",
                    messages.get(STEP_KEYS.get(i))));
            list.getChildren().add(step);
        }
        return list;
    }

    private VBox welcomeStep() {
        Label title = new Label(messages.get("welcome.title"));
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        VBox lines = new VBox(6);
        for (String key : List.of("welcome.line1", "welcome.line2", "welcome.line3")) {
            Label line = new Label(messages.get(key));
            line.setWrapText(true);
            line.getStyleClass().add("step-text");
            lines.getChildren().add(line);
        }
        Label hostLabel = new Label(messages.get("welcome.host.label"));
        hostLabel.setMnemonicParsing(true);
        hostLabel.setLabelFor(hostField);
        hostField.textProperty().bindBidirectional(welcome.hostProperty());
        hostField.setPromptText(messages.get("welcome.host.prompt"));
        hostField.setAccessibleText(messages.get("welcome.host.accessible"));
        hostField.setMaxWidth(480);
        Label hostHelp = new Label(messages.get("welcome.host.help"));
        hostHelp.getStyleClass().add("hint");
        hostHelp.setWrapText(true);
        VBox content = new VBox(14, title, lines, new VBox(6, hostLabel, hostField, hostHelp));
        content.getStyleClass().add("step-content");
        content.setPadding(new Insets(28, 32, 20, 32));
        return content;
    }

    private HBox buttons() {
        Button back = new Button(messages.get("button.back"));
        back.setDisable(true);
        Button next = new Button(messages.get("button.next"));
        next.setDefaultButton(true);
        // The steps after this one arrive with the workflow; until then Next has nowhere to go.
        next.setDisable(true);
        Button cancel = new Button(messages.get("button.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> root.getScene().getWindow().hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, cancel, spacer, back, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("button-bar");
        bar.setPadding(new Insets(12, 16, 12, 16));
        return bar;
    }
}
