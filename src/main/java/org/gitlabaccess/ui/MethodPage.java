package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Step 3: SSH (recommended) or HTTPS, with one sentence each on when to choose which. */
final class MethodPage implements WizardPage {
    private final MethodViewModel model;
    private final RadioButton ssh;
    private final RadioButton https;
    private final VBox view;

    MethodPage(Messages m, MethodViewModel model) {
        this.model = model;
        ToggleGroup group = new ToggleGroup();
        ssh = new RadioButton(m.get("method.ssh"));
        https = new RadioButton(m.get("method.https"));
        ssh.setToggleGroup(group);
        https.setToggleGroup(group);
        ssh.setMnemonicParsing(true);
        https.setMnemonicParsing(true);
        ssh.setSelected(!model.httpsProperty().get());
        // The group deselects the other button, so binding HTTPS alone keeps both in step with the model.
        https.selectedProperty().bindBidirectional(model.httpsProperty());
        model.httpsProperty().addListener((o, was, now) -> ssh.setSelected(!now)); // the model choosing SSH
        https.setDisable(!model.httpsAvailable());
        VBox httpsBox = new VBox(4, https, Ui.hint(m.get(model.httpsAvailable() ? "method.https.when"
                : "method.https.later")));
        view = Ui.page(Ui.title(m.get("method.title")),
                new VBox(4, ssh, Ui.hint(m.get("method.ssh.when"))), httpsBox);
    }

    @Override
    public String titleKey() {
        return "step.method";
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
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void committed() {
        model.commit();
    }

    @Override
    public Node firstFocus() {
        return ssh.isSelected() ? ssh : https;
    }
}
