package org.gitlabaccess.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.ForeignSshHostException;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;
import org.gitlabaccess.core.gitlab.oauth.OAuthClient;
import org.gitlabaccess.core.gitlab.TokenLinks;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;

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
    private final SshHostQuestion sshHost;
    private BackgroundTasks.Handle handle;
    private int generation;

    SignInViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        this.sshHost = new SshHostQuestion(session);
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
        SetupRequest r = session.request();
        return TokenLinks.creationPage(r.target().rootForHint(), TokenLinks.scopesFor(r.method()), r.machineName(),
                LocalDate.now(r.clock().withZone(ZoneOffset.UTC)));
    }

    /** True when IT configured an OAuth application and the method can use a browser sign-in (SSH). */
    boolean browserSignInAvailable() {
        return session.site().oauthClientId().isPresent()
                && session.method == SetupMethod.SSH;
    }

    /** Browser sign-in (authorization code + PKCE); the token serves this setup and is revoked at its end. */
    void signInWithBrowser(BrowserOpener browser) {
        if (handle != null) {
            handle.cancel();
        }
        int mine = ++generation;
        checking.set(true);
        message.set(m.get("signin.browser.waiting"));
        hint.set("");
        String clientId = session.site().oauthClientId().orElseThrow();
        var env = session.env();
        var site = session.site();
        String host = session.host;
        var caFile = session.caFile();
        var clock = session.clock();
        handle = tasks.run(() -> new OAuthClient(Instance.resolve(env, site, host, caFile).client(null), clientId, clock,
                Sleeper.REAL).signInWithBrowser(List.of("api"), browser, url -> { }, OAuthClient.BROWSER_TIMEOUT),
                tokens -> {
                    if (mine != generation) {
                        return;
                    }
                    session.oauthTokens = tokens;
                    session.token = null;
                    signIn(mine, v -> m.get("signin.browser.ok", v.username()));
                }, e -> failed(mine, e));
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
        session.token = Secret.of(value);
        session.oauthTokens = null;
        checking.set(true);
        message.set(m.get("signin.checking"));
        hint.set("");
        signIn(mine, v -> m.get("signin.ok", v.username(), String.join(", ", v.scopes()),
                v.expiresAt() == null ? m.get("signin.never") : v.expiresAt().toString()));
    }

    /** What signing in found: the verdict, and for SSH a host GitLab named that needs the user's word (else null). */
    private record Answer(TokenVerdict verdict, ForeignSshHostException foreignSshHost) {
    }

    /**
     * The session signs in (once for these answers) and, for SSH, learns where SSH goes: a host outside
     * the instance's domain is asked about here, before any page uses it. The newest check wins.
     */
    private void signIn(int mine, Function<TokenVerdict, String> sentence) {
        SetupSession setup = session.setup();
        handle = tasks.run(() -> {
            TokenVerdict v = setup.signIn(Progress.NONE).verdict();
            try {
                if (setup.request().method() == SetupMethod.SSH) {
                    setup.sshEndpoint();
                }
                return new Answer(v, null);
            } catch (ForeignSshHostException foreign) {
                return new Answer(v, foreign);
            }
        }, a -> {
            if (mine != generation) {
                return;
            }
            checking.set(false);
            verdict.set(a.verdict());
            valid.set(a.foreignSshHost() == null);
            message.set(sentence.apply(a.verdict()));
            hint.set(String.join(" ", a.verdict().warnings()));
            if (a.foreignSshHost() != null) {
                sshHost.ask(a.foreignSshHost());
            }
        }, e -> failed(mine, e));
    }

    /** GitLab's SSH host outside the instance's domain, waiting for the user's word; else null. */
    ObjectProperty<ForeignSshHostException> foreignSshHostProperty() {
        return sshHost.pendingProperty();
    }

    /** @return false, changing nothing, when the text is no host name */
    boolean useSshHost(String text) {
        boolean used = sshHost.confirm(text);
        valid.set(valid.get() || used && verdict.get() != null);
        return used;
    }

    /** Without the user's word SSH cannot be set up: say so, in the wizard's terms. */
    void declineSshHost() {
        sshHost.decline(m).ifPresent(sentence -> {
            valid.set(false);
            hint.set(sentence);
        });
    }

    private void failed(int mine, Throwable error) {
        if (mine != generation) {
            return;
        }
        checking.set(false);
        valid.set(false);
        message.set(ErrorText.message(error, m.locale()));
        hint.set(ErrorText.hint(error, m.locale()));
    }
}
