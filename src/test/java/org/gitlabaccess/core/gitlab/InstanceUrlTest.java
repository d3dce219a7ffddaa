package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gitlabaccess.core.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gitlab.example.com|https://gitlab.example.com|false",
        "https://gitlab.example.com/|https://gitlab.example.com|false",
        "  HTTPS://GitLab.Example.com:8443  |https://gitlab.example.com:8443|false",
        "https://gitlab.example.com/group/sub/project/-/merge_requests/4|https://gitlab.example.com|true",
        "https://gitlab.example.com/group/project.git|https://gitlab.example.com|true",
        "http://gitlab.test:80/|http://gitlab.test|false"})
    void normalisesWhatUsersPaste(String input, String origin, boolean hasPath) {
        InstanceUrl url = InstanceUrl.parse(input);
        assertThat(url.origin()).isEqualTo(origin);
        assertThat(url.hasPath()).isEqualTo(hasPath);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://gitlab.example.com", "git@gitlab.com:group/project.git", "ssh://git@gitlab.com/x",
        "https://", "   "})
    void refusesWhatIsNotAWebAddress(String input) {
        assertThatThrownBy(() -> InstanceUrl.parse(input)).isInstanceOf(ProblemException.class);
    }

    @org.junit.jupiter.api.Test
    void offersEveryPathPrefixShortestFirst() {
        assertThat(InstanceUrl.parse("https://example.com/gitlab/group/project/-/tree/main").rootCandidates())
                .containsExactly("https://example.com", "https://example.com/gitlab", "https://example.com/gitlab/group",
                        "https://example.com/gitlab/group/project");
        assertThat(InstanceUrl.parse("http://gitlab.test").isPlainHttp()).isTrue();
    }
}
