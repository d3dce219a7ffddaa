package org.gitlabaccess.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.TokenLinks;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.MachineName;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupState;
import org.gitlabaccess.core.setup.SignInStep;

/** Step 4's state: the pasted token and GitLab's verdict on it, checked in the background. */
final class SignInViewModel {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<TokenVerdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty(false);
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private BackgroundTasks.Handle handle;
    private int generation;

    SignInViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        token.addListener((o, a, b) -> {
            // A check still running is for the old text: its answer must not count for this one.
            generation++;
            if (handle != null) {
                handle.cancel();
            }
            checking.set(false);
            valid.set(false);
            verdict.set(null);
            message.set("");
            hint.set("");
        });
    }

    StringProperty tokenProperty() {
        return token;
    }

    ObjectProperty<TokenVerdict> verdictProperty() {
        return verdict;
    }

    StringProperty messageProperty() {
        return message;
    }

    StringProperty hintProperty() {
        return hint;
    }

    BooleanProperty checkingProperty() {
        return checking;
    }

    BooleanProperty validProperty() {
        return valid;
    }

    /** The token creation page pre-filled for the chosen method. */
    String creationPage() {
        String root;
        try {
            root = org.gitlabaccess.core.gitlab.InstanceUrl.parse(session.host).toString();
        } catch (ProblemException e) {
            root = "https://gitlab.com";
        }
        return TokenLinks.creationPage(root, TokenLinks.scopesFor(session.method), MachineName.of(session.env()),
                java.time.LocalDate.now(session.clock().withZone(java.time.ZoneOffset.UTC)));
    }

    /** True when IT configured an OAuth application and the method can use a browser sign-in (SSH). */
    boolean browserSignInAvailable() {
        return session.site().oauthClientId().isPresent()
                && session.method == org.gitlabaccess.core.gitlab.SetupMethod.SSH;
    }

    /** Browser sign-in (authorization code + PKCE); the token serves this setup and is revoked at its end. */
    void signInWithBrowser(org.gitlabaccess.core.gitlab.oauth.BrowserOpener browser) {
        int mine = ++generation;
        checking.set(true);
        message.set(m.get("signin.browser.waiting"));
        hint.set("");
        tasks.run(() -> {
            var instance = org.gitlabaccess.core.gitlab.Instance.resolve(session.env(), session.site(), session.host,
                    session.caFile());
            var oauth = new org.gitlabaccess.core.gitlab.oauth.OAuthClient(instance.client(null),
                    session.site().oauthClientId().orElseThrow(), session.clock(),
                    org.gitlabaccess.core.gitlab.Sleeper.REAL);
            var tokens = oauth.signInWithBrowser(java.util.List.of("api"), browser, url -> { },
                    org.gitlabaccess.core.gitlab.oauth.OAuthClient.BROWSER_TIMEOUT);
            session.oauthTokens = tokens;
            session.token = null;
            SetupState state = new SetupState(session.request());
            new SignInStep().run(state, Progress.NONE);
            return state.verdict();
        }, v -> {
            if (mine != generation) {
                return;
            }
            checking.set(false);
            verdict.set(v);
            valid.set(true);
            message.set(m.get("signin.browser.ok", v.username()));
        }, error -> {
            checking.set(false);
            valid.set(false);
            message.set(ErrorText.message(error, m.locale()));
            hint.set(ErrorText.hint(error, m.locale()));
        });
    }

    /** Asks GitLab about the token (in the background); the newest check wins. */
    void check() {
        String value = token.get() == null ? "" : token.get().strip();
        if (value.isEmpty()) {
            return;
        }
        if (handle != null) {
            handle.cancel();
        }
        int mine = ++generation;
        Secret secret = Secret.of(value);
        session.token = secret;
        session.oauthTokens = null;
        checking.set(true);
        message.set(m.get("signin.checking"));
        hint.set("");
        SetupState state = new SetupState(session.request());
        handle = tasks.run(() -> {
            new SignInStep().run(state, Progress.NONE);
            return state.verdict();
        }, v -> {
            if (mine != generation) {
                return;
            }
            checking.set(false);
            verdict.set(v);
            valid.set(true);
            message.set(m.get("signin.ok", v.username(), String.join(", ", v.scopes()),
                    v.expiresAt() == null ? m.get("signin.never") : v.expiresAt().toString()));
            hint.set(String.join(" ", v.warnings()));
        }, error -> {
            if (mine != generation) {
                return;
            }
            checking.set(false);
            valid.set(false);
            message.set(ErrorText.message(error, m.locale()));
            hint.set(ErrorText.hint(error, m.locale()));
        });
    }
}
