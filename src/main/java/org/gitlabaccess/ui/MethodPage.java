package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.gitlab.SetupMethod;

/** Step 3: SSH (recommended) or HTTPS, with one sentence each on when to choose which. */
final class MethodPage implements WizardPage {
    private final WizardSession session;
    private final RadioButton ssh;
    private final RadioButton https;
    private final VBox view;

    MethodPage(Messages m, WizardSession session, boolean httpsAvailable) {
        this.session = session;
        ToggleGroup group = new ToggleGroup();
        ssh = new RadioButton(m.get("method.ssh"));
        https = new RadioButton(m.get("method.https"));
        ssh.setToggleGroup(group);
        https.setToggleGroup(group);
        ssh.setMnemonicParsing(true);
        https.setMnemonicParsing(true);
        boolean preferHttps = httpsAvailable && session.site().method().map("https"::equalsIgnoreCase).orElse(false);
        (preferHttps ? https : ssh).setSelected(true);
        https.setDisable(!httpsAvailable);
        VBox httpsBox = new VBox(4, https, Ui.hint(m.get(httpsAvailable ? "method.https.when" : "method.https.later")));
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
        session.method = https.isSelected() ? SetupMethod.HTTPS : SetupMethod.SSH;
    }

    @Override
    public Node firstFocus() {
        return ssh.isSelected() ? ssh : https;
    }
}
