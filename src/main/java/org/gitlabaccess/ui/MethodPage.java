package org.gitlabaccess.ui;

import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

/** Step 3: SSH (recommended) or HTTPS, with one sentence each on when to choose which. */
final class MethodPage extends StepPage {
    private final MethodViewModel model;
    private final RadioButton ssh;
    private final RadioButton https;

    MethodPage(Messages m, MethodViewModel model) {
        super(m, "step.method");
        this.model = model;
        ToggleGroup group = new ToggleGroup();
        ssh = Ui.choice(m.get("method.ssh"), group);
        https = Ui.choice(m.get("method.https"), group);
        ssh.setSelected(!model.httpsProperty().get());
        // The group deselects the other button, so binding HTTPS alone keeps both in step with the model.
        https.selectedProperty().bindBidirectional(model.httpsProperty());
        model.httpsProperty().addListener((o, was, now) -> ssh.setSelected(!now)); // the model choosing SSH
        https.setDisable(!model.httpsAvailable());
        layout(m.get("method.title"), Ui.option(ssh, m.get("method.ssh.when")),
                Ui.option(https, m.get(model.httpsAvailable() ? "method.https.when" : "method.https.later")));
        focusFirst(() -> ssh.isSelected() ? ssh : https);
    }

    @Override
    public void committed() {
        model.commit();
    }
}
