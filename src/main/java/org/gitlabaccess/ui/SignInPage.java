package org.gitlabaccess.ui;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;

/** Step 4: paste a token; GitLab's verdict appears as soon as it is known. */
final class SignInPage extends StepPage {
    static final String TITLE = "step.signin";
    private final SignInViewModel model;
    private final Button withBrowser;
    private final PasswordField tokenField = new PasswordField();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(600));

    SignInPage(Messages m, SignInViewModel model, BrowserOpener browser) {
        super(m, TITLE);
        this.model = model;
        tokenField.setAccessibleText(m.get("signin.token.accessible"));
        tokenField.setPromptText("glpat-…");
        tokenField.setPrefColumnCount(34);
        tokenField.textProperty().bindBidirectional(model.tokenProperty());
        debounce.setOnFinished(e -> model.check());
        tokenField.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        // Enter checks a token not yet checked, and goes on with one that passed (as Enter does elsewhere).
        tokenField.setOnAction(e -> {
            if (model.validProperty().get()) {
                Ui.fireDefaultButton(tokenField);
            } else {
                model.check();
            }
        });
        Ui.flagWhen(tokenField, Bindings.createStringBinding(() -> model.validProperty().get()
                || model.checkingProperty().get() ? "" : model.messageProperty().get(),
                model.validProperty(), model.checkingProperty(), model.messageProperty()));
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(model.messageProperty());
        result.getStyleClass().add("verdict");
        // The verdict's icon follows it: checking, accepted, refused.
        result.graphicProperty().bind(Bindings.createObjectBinding(() -> model.checkingProperty().get()
                || model.messageProperty().get().isBlank() ? null
                : Icons.of(model.validProperty().get() ? Icons.Kind.OK : Icons.Kind.FAIL, m),
                model.checkingProperty(), model.validProperty(), model.messageProperty()));
        Button create = new Button(m.get("signin.create"));
        create.setOnAction(e -> browser.open(model.creationPage()));
        withBrowser = new Button(m.get("signin.browser"));
        withBrowser.setOnAction(e -> model.signInWithBrowser(browser));
        VBox token = new VBox(Ui.fieldLabel(m.get("signin.token.label"), tokenField),
                Ui.fieldRow(tokenField, Ui.spinner(model.checkingProperty())), result, Ui.hint(model.hintProperty()));
        token.getStyleClass().add("field-group");
        layout(m.get("signin.title"), Ui.subtitle(m.get("signin.explain")), token, Ui.actions(create, withBrowser));
        focusFirst(() -> tokenField);
        new SshHostDialog(m).askWhenPending(model.foreignSshHostProperty(), view(), model::useSshHost,
                model::declineSshHost);
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.validProperty();
    }

    @Override
    public ObservableBooleanValue busy() {
        return model.checkingProperty();
    }

    @Override
    public void entered() {
        withBrowser.setVisible(model.browserSignInAvailable());
        withBrowser.setManaged(withBrowser.isVisible());
        if (!model.tokenProperty().get().isBlank()) {
            model.check();
        }
    }
}
