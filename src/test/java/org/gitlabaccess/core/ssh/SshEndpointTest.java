package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SshEndpointTest {
    @Test
    void equalExactlyWhenAliasHostAndPortAre() {
        SshEndpoint e = new SshEndpoint("gitlab.example.com", "ssh.gitlab.example.com", 2222);
        assertThat(e).isEqualTo(new SshEndpoint("gitlab.example.com", "ssh.gitlab.example.com", 2222))
                .hasSameHashCodeAs(new SshEndpoint("gitlab.example.com", "ssh.gitlab.example.com", 2222));
        assertThat(e).isNotEqualTo(new SshEndpoint("other", "ssh.gitlab.example.com", 2222))
                .isNotEqualTo(new SshEndpoint("gitlab.example.com", "other", 2222))
                .isNotEqualTo(new SshEndpoint("gitlab.example.com", "ssh.gitlab.example.com", 22))
                .isNotEqualTo(null)
                .isNotEqualTo("ssh.gitlab.example.com:2222");
        assertThat(new SshEndpoint(null, null, 22)).isEqualTo(new SshEndpoint(null, null, 22))
                .isNotEqualTo(new SshEndpoint("a", null, 22));
        assertThat(Set.of(SshEndpoint.of("GitLab.example.com", 22), SshEndpoint.of("gitlab.example.com", 2222)))
                .contains(SshEndpoint.of("gitlab.example.com", 22)).hasSize(2);
    }
}
