package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gitlabaccess.core.gitlab.ApiUrls;
import org.gitlabaccess.core.gitlab.SshHostPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkNamesTest {
    @ParameterizedTest
    @CsvSource({"gitlab.example.com,gitlab.example.com", "GitLab.Example.COM.,gitlab.example.com", "10.0.0.1,10.0.0.1",
        "[::1],::1", "2001:db8::1,2001:db8::1", "::ffff:10.0.0.1,::ffff:10.0.0.1", "xn--bcher-kva.example,xn--bcher-kva.example",
        "localhost,localhost", "a-b.c,a-b.c"})
    void acceptsHostNamesAndAddresses(String text, String canonical) {
        assertThat(NetworkNames.host(text)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a\nProxyCommand x", "-oProxyCommand=x", "host%h", "git@host", "\"host\"",
        "host#x", "host/path", "under_score.example", "bücher.example", "-lead.example", "trail-.example", "a..b",
        "fe80::1%eth0", "1:2:3", "[::1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example", "host\t", "host\u0000", "'host'", "a;b", "a$b"})
    void refusesAnythingThatCouldBreakConfigurationOrArguments(String text) {
        assertThat(NetworkNames.host(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"22,22", "65535,65535", "1,1", "0,null", "65536,null", "-1,null",
        "'22 -oX',null", "0x16,null", "+22,null", "022,22"})
    void portsAreDecimal1To65535(String text, Integer port) {
        assertThat(NetworkNames.port(text)).isEqualTo(Optional.ofNullable(port));
    }

    @ParameterizedTest
    @CsvSource({"gitlab.example.com,gitlab.example.com,true", "ssh.gitlab.example.com,gitlab.example.com,true",
        "gitlab-ssh.example.com,gitlab.example.com,true", "evil.example.net,gitlab.example.com,false",
        "altssh.gitlab.com,gitlab.com,true", "evil.com,gitlab.com,false", "evil.co.uk,gitlab.co.uk,false",
        "ssh.example.co.uk,gitlab.example.co.uk,true", "127.0.0.1,localhost,false", "127.0.0.1,127.0.0.1,true",
        "10.0.0.2,10.0.0.1,false", "example.com.evil.net,gitlab.example.com,false", "com,gitlab.com,false"})
    void theApiMayNameOnlyTheInstancesOwnSshHosts(String ssh, String instance, boolean allowed) {
        assertThat(SshHostPolicy.belongsTo(ssh, instance)).isEqualTo(allowed);
    }

    @Test
    void aTokenGoesOnlyToTheInstancesOrigin() {
        String root = "https://gitlab.example.com/gitlab";
        assertThat(ApiUrls.sameOrigin("https://gitlab.example.com/gitlab/g/p.git", root)).isTrue();
        assertThat(ApiUrls.sameOrigin("https://GITLAB.example.com:443/g/p.git", root)).isTrue();
        assertThat(ApiUrls.sameOrigin("http://gitlab.example.com/g/p.git", root)).isFalse();
        assertThat(ApiUrls.sameOrigin("https://gitlab.example.com:8443/g/p.git", root)).isFalse();
        assertThat(ApiUrls.sameOrigin("https://evil.example.net/g/p.git", root)).isFalse();
        assertThat(ApiUrls.sameOrigin("https://gitlab.example.com@evil.example.net/g/p.git", root)).isFalse();
        assertThat(ApiUrls.sameOrigin("https://user@gitlab.example.com/g/p.git", root)).isFalse();
        assertThat(ApiUrls.sameOrigin("not a url", root)).isFalse();
    }
}
