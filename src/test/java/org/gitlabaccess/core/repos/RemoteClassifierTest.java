package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteClassifierTest {
    private static final String TOKEN = "glpat-xxxxxxxxxxxxxxxxxxxx";

    @TempDir
    Path home;

    private final GitLabTarget target = GitLabTarget.of("https://gitlab.example.com", Optional.empty(), Optional.empty());

    private RemoteClassifier.Verdict classify(String url) {
        return new RemoteClassifier(target, SshAliases.load(home)).classify(GitUrl.parse(url));
    }

    @Test
    void everyFormOfRemoteGetsItsKindAndProject() {
        assertThat(classify("https://gitlab.example.com/group/app.git"))
                .isEqualTo(new RemoteClassifier.Verdict(RemoteKind.HTTPS, "gitlab.example.com", "group/app"));
        assertThat(classify("https://GitLab.Example.com/group/sub/app/"))
                .isEqualTo(new RemoteClassifier.Verdict(RemoteKind.HTTPS, "gitlab.example.com", "group/sub/app"));
        assertThat(classify("https://oauth2:" + TOKEN + "@gitlab.example.com/g/p.git").kind())
                .isEqualTo(RemoteKind.HTTPS_EMBEDDED_CREDENTIALS);
        assertThat(classify("https://" + TOKEN + "@gitlab.example.com/g/p.git").kind())
                .isEqualTo(RemoteKind.HTTPS_EMBEDDED_CREDENTIALS);
        assertThat(classify("https://alice@gitlab.example.com/g/p.git").kind()).isEqualTo(RemoteKind.HTTPS);
        assertThat(classify("git@gitlab.example.com:g/p.git"))
                .isEqualTo(new RemoteClassifier.Verdict(RemoteKind.SSH, "gitlab.example.com", "g/p"));
        assertThat(classify("ssh://git@gitlab.example.com:2222/g/p.git").project()).isEqualTo("g/p");
        assertThat(classify("ssh://git@gitlab.example.com:2222/g/p.git").kind()).isEqualTo(RemoteKind.SSH);
        assertThat(classify("https://github.com/g/p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
        assertThat(classify("git@github.com:g/p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
        assertThat(classify("/srv/git/p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
        assertThat(classify("../p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
        assertThat(classify("file:///srv/git/p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
        assertThat(classify("https://gitlab.example.com:8443/g/p.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
    }

    @Test
    void sshConfigAliasesAreResolvedToTheirHostName() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host work\n  HostName gitlab.example.com\n  Port 22\n\n"
                + "Host gh\n  HostName github.com\n");
        assertThat(classify("work:group/app.git"))
                .isEqualTo(new RemoteClassifier.Verdict(RemoteKind.SSH, "gitlab.example.com", "group/app"));
        assertThat(classify("git@gh:group/app.git").kind()).isEqualTo(RemoteKind.OTHER_HOST);
    }

    @Test
    void aSeparateSshHostAndARelativeRootAreHonoured() {
        GitLabTarget t = GitLabTarget.of("https://example.com/gitlab/", Optional.of("ssh.example.com"), Optional.of(2222));
        var c = new RemoteClassifier(t, SshAliases.none());
        assertThat(c.classify(GitUrl.parse("https://example.com/gitlab/g/p.git")).project()).isEqualTo("g/p");
        assertThat(c.classify(GitUrl.parse("ssh://git@ssh.example.com:2222/g/p.git")).kind()).isEqualTo(RemoteKind.SSH);
        assertThat(t.sshUrl("g/p")).isEqualTo("ssh://git@ssh.example.com:2222/g/p.git");
        assertThat(t.httpsUrl("g/p")).isEqualTo("https://example.com/gitlab/g/p.git");
        assertThat(target.sshUrl("g/p")).isEqualTo("git@gitlab.example.com:g/p.git");
    }

    @Test
    void urlsAreShownRedactedAndJournaledWithoutCredentials() {
        GitUrl url = GitUrl.parse("https://oauth2:" + TOKEN + "@gitlab.example.com/g/p.git");
        assertThat(url.redacted()).doesNotContain("xxxxxxxx").contains("oauth2:****@");
        assertThat(url.toString()).doesNotContain("xxxxxxxx");
        assertThat(url.withoutCredentials()).isEqualTo("https://gitlab.example.com/g/p.git");
        assertThat(GitUrl.parse("https://" + TOKEN + "@gitlab.example.com/g/p.git").withoutCredentials())
                .isEqualTo("https://gitlab.example.com/g/p.git");
        assertThat(GitUrl.parse("https://alice@gitlab.example.com/g/p.git").withoutCredentials())
                .isEqualTo("https://alice@gitlab.example.com/g/p.git");
        assertThat(GitUrl.parse("git@gitlab.example.com:g/p.git").withoutCredentials())
                .isEqualTo("git@gitlab.example.com:g/p.git");
    }
}
