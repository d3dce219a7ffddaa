package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.TokenRotation;
import org.gitlabaccess.core.setup.StepStatus;

/** Step 9: the summary, and revoking the setup token. */
final class DonePage implements WizardPage {
    private final ApplyViewModel apply;
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Label summary = Ui.text("");
    private final Label revokeResult = Ui.hint("");
    private final Button revoke;
    private final VBox view;

    DonePage(Messages m, ApplyViewModel apply, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.apply = apply;
        this.session = session;
        this.tasks = tasks;
        revoke = new Button(m.get("done.revoke"));
        revoke.setMnemonicParsing(true);
        revoke.setOnAction(e -> revokeToken());
        view = Ui.page(Ui.title(m.get("done.title")), summary, new VBox(6, new HBox(10, revoke), revokeResult),
                Ui.hint(m.get("done.cli")));
    }

    private void revokeToken() {
        revoke.setDisable(true);
        tasks.run(() -> {
            Instance instance = Instance.resolve(session.env(), session.site(), session.host, session.caFile());
            new TokenRotation().revoke(instance.client(session.token));
            return true;
        }, ok -> revokeResult.setText(m.get("done.revoked")), e -> {
            revoke.setDisable(false);
            revokeResult.setText(e instanceof ProblemException p ? p.getMessage() : String.valueOf(e));
        });
    }

    @Override
    public String titleKey() {
        return "step.done";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public ObservableBooleanValue busy() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        var report = apply.reportProperty().get();
        if (report == null) {
            return;
        }
        long changed = report.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).count();
        String verified = report.steps().stream().filter(s -> s.stepId().startsWith("verify")).map(s -> s.summary())
                .findFirst().orElse("");
        summary.setText(report.alreadySetUp() ? m.get("done.already", verified)
                : m.get("done.summary", changed, verified));
        boolean revoked = report.steps().stream().anyMatch(s -> s.stepId().equals("revoke-token")
                && s.status() == StepStatus.CHANGED);
        revoke.setVisible(!revoked && session.token != null);
    }

    @Override
    public Node firstFocus() {
        return revoke;
    }
}
