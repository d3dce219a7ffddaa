package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Step 1: the GitLab address, and what will happen in three lines. */
final class WelcomePage implements WizardPage {
    private final WelcomeViewModel model;
    private final WizardSession session;
    private final TextField hostField = new TextField();
    private final VBox view;

    WelcomePage(Messages m, WelcomeViewModel model, WizardSession session) {
        this.model = model;
        this.session = session;
        Label hostLabel = new Label(m.get("welcome.host.label"));
        hostLabel.setMnemonicParsing(true);
        hostLabel.setLabelFor(hostField);
        hostField.textProperty().bindBidirectional(model.hostProperty());
        hostField.setPromptText(m.get("welcome.host.prompt"));
        hostField.setAccessibleText(m.get("welcome.host.accessible"));
        hostField.setMaxWidth(480);
        view = Ui.page(Ui.title(m.get("welcome.title")),
                new VBox(6, Ui.text(m.get("welcome.line1")), Ui.text(m.get("welcome.line2")),
                        Ui.text(m.get("welcome.line3"))),
                new VBox(6, hostLabel, hostField, Ui.hint(m.get("welcome.host.help"))));
    }

    @Override
    public String titleKey() {
        return "step.welcome";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.hostValidProperty();
    }

    @Override
    public ObservableBooleanValue busy() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void committed() {
        session.changeHost(model.hostProperty().get().strip());
    }

    @Override
    public Node firstFocus() {
        return hostField;
    }
}
