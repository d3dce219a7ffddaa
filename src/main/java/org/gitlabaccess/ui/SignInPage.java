package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;

/** Step 4: paste a token; GitLab's verdict appears as soon as it is known. */
final class SignInPage implements WizardPage {
    private final SignInViewModel model;
    private Button withBrowser;
    private final PasswordField tokenField = new PasswordField();
    private final VBox view;
    private final javafx.animation.PauseTransition debounce =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(600));

    SignInPage(Messages m, SignInViewModel model, BrowserOpener browser) {
        this.model = model;
        Label label = new Label(m.get("signin.token.label"));
        label.setMnemonicParsing(true);
        label.setLabelFor(tokenField);
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
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(tokenField, false, (control, value) -> ValidationResult.fromMessageIf(control,
                model.messageProperty().get(), Severity.ERROR, !model.validProperty().get()
                        && !model.checkingProperty().get() && !model.messageProperty().get().isBlank()));
        model.validProperty().addListener((o, a, b) -> validation.revalidate());
        model.messageProperty().addListener((o, a, b) -> validation.revalidate());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.checkingProperty());
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(model.messageProperty());
        result.getStyleClass().add("verdict");
        Label hint = Ui.hint("");
        hint.textProperty().bind(model.hintProperty());
        Button create = new Button(m.get("signin.create"));
        create.setMnemonicParsing(true);
        create.setOnAction(e -> browser.open(model.creationPage()));
        Button withBrowser = new Button(m.get("signin.browser"));
        withBrowser.setMnemonicParsing(true);
        withBrowser.setOnAction(e -> model.signInWithBrowser(browser));
        this.withBrowser = withBrowser;
        view = Ui.page(Ui.title(m.get("signin.title")), Ui.text(m.get("signin.explain")),
                new VBox(6, label, new HBox(8, tokenField, spinner), result, hint), new HBox(10, create, withBrowser));
        new SshHostDialog(m).askWhenPending(model.foreignSshHostProperty(), view, model::useSshHost,
                model::declineSshHost);
    }

    @Override
    public String titleKey() {
        return "step.signin";
    }

    @Override
    public Parent view() {
        return view;
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
    public Node firstFocus() {
        return tokenField;
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
