package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps whose pages are made when first needed, and the remedies that lead to such steps. */
class StepTest {
    @TempDir
    Path home;

    @Test
    void aStepIsNamedAtOnceAndMakesItsPageOnceWhenFirstNeeded() {
        List<WizardWindow> madeFor = new ArrayList<>();
        Step<WizardPage> step = new Step<>("step.review", w -> {
            madeFor.add(w);
            return new EmptyPage();
        });
        assertThat(step.titleKey()).isEqualTo("step.review");
        assertThat(madeFor).as("nothing made for the step list").isEmpty();
        WizardPage first = step.page(null);
        assertThat(step.page(null)).isSameAs(first);
        assertThat(madeFor).hasSize(1);
    }

    @Test
    void remediesChooseTheMethodAndGoToTheStepThatDoesThem() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString()), props),
                SiteConfig.empty(), "https://gitlab.example.com", null, Clock.systemUTC());
        MethodViewModel method = new MethodViewModel(session, true);
        List<String> went = new ArrayList<>();
        RemedySteps remedies = new RemedySteps(method, () -> went.add("method"), () -> went.add("sign-in"),
                url -> went.add(url));

        remedies.accept(Remedy.SET_UP_HTTPS);
        assertThat(method.httpsProperty().get()).isTrue();
        remedies.accept(Remedy.SET_UP_SSH);
        assertThat(method.httpsProperty().get()).isFalse();
        remedies.accept(Remedy.SIGN_IN_AGAIN);
        remedies.accept(Remedy.openPage("https://gitlab.example.com/-/user_settings/ssh_keys"));
        remedies.accept(Remedy.CHECK_AGAIN);
        assertThat(went).containsExactly("method", "method", "sign-in",
                "https://gitlab.example.com/-/user_settings/ssh_keys");
    }

    /** A page with nothing on it: what a step makes does not matter here, only when. */
    private static final class EmptyPage implements WizardPage {
        @Override
        public String titleKey() {
            return "step.review";
        }

        @Override
        public Parent view() {
            return null;
        }

        @Override
        public ObservableBooleanValue canGoNext() {
            return null;
        }

        @Override
        public ObservableBooleanValue busy() {
            return null;
        }
    }
}
