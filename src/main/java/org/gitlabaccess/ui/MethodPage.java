package org.gitlabaccess.ui;

import javafx.scene.control.RadioButton;

/** Step 3: SSH (recommended) or HTTPS, with one sentence each on when to choose which. */
final class MethodPage extends StepPage {
    static final String TITLE = "step.method";
    private final MethodViewModel model;

    MethodPage(Messages m, MethodViewModel model) {
        super(m, TITLE);
        this.model = model;
        ChoicePair choice = ChoicePair.of(m.get("method.ssh"), m.get("method.https"), model.httpsProperty());
        RadioButton ssh = choice.first();
        RadioButton https = choice.second();
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
