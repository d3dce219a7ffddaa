package org.gitlabaccess.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.junit.jupiter.api.Test;

/** A check failing on a problem leads the wizard to the step that cures it, not to the hint's command. */
class RemedyTest {
    private static Remedy remedyOf(ProblemKind kind, String reason) {
        ProblemException p = new ProblemException(kind, reason, "what went wrong", "run some command");
        CheckResult failed = CheckResult.fail(CheckId.SSH_AUTH, p, Locale.ENGLISH);
        assertThat(failed.fix().description()).isEqualTo("run some command");
        assertThat(failed.fix().automatic()).isFalse();
        return failed.fix().remedy();
    }

    @Test
    void problemsLeadToTheStepThatCuresThem() {
        assertThat(remedyOf(ProblemKind.CHECK_FAILED, "ssh-key-not-registered")).isEqualTo(Remedy.SET_UP_SSH);
        assertThat(remedyOf(ProblemKind.CHECK_FAILED, "ssh-key-expired")).isEqualTo(Remedy.SET_UP_SSH);
        assertThat(remedyOf(ProblemKind.LOCAL_FILES, "ssh-key-unusable")).isEqualTo(Remedy.SET_UP_SSH);
        assertThat(remedyOf(ProblemKind.NETWORK, "ssh-port-blocked")).isEqualTo(Remedy.SET_UP_HTTPS);
        assertThat(remedyOf(ProblemKind.AUTHENTICATION, "token-expired")).isEqualTo(Remedy.SIGN_IN_AGAIN);
        assertThat(remedyOf(ProblemKind.NETWORK, "tls-untrusted")).isEqualTo(Remedy.NONE);
    }

    @Test
    void onlyAPageToOpenHasAnAddress() {
        assertThat(Remedy.openPage("https://git-scm.com/downloads").url()).isEqualTo("https://git-scm.com/downloads");
        assertThatThrownBy(() -> new Remedy(Remedy.Kind.OPEN_PAGE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Remedy(Remedy.Kind.SET_UP_SSH, "https://example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
