package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    private static ProxySettings of(Map<String, String> vars) {
        return ProxySettings.from(new Environment(vars, new Properties()));
    }

    @Test
    void httpsProxyIsUsedUnlessNoProxyMatches() {
        ProxySettings p = of(Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", "localhost, .internal.example.com,git.corp.example.com:443"));
        assertThat(p.select(URI.create("https://gitlab.com/api/v4/user")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(p.select(URI.create("https://gitlab.internal.example.com/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.select(URI.create("https://git.corp.example.com/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.select(URI.create("https://localhost:8443/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.describe(URI.create("https://gitlab.com/"))).isEqualTo("proxy.corp:3128");
    }

    @Test
    void lowerCaseVariablesAndCredentialsInTheProxyUrl() {
        ProxySettings p = of(Map.of("https_proxy", "http://jo%40corp:p%3Ass@proxy.corp:8080", "no_proxy", "*"));
        assertThat(p.hasCredentials()).isTrue();
        var cred = p.credentialsFor("proxy.corp").orElseThrow();
        assertThat(cred.getUserName()).isEqualTo("jo@corp");
        assertThat(new String(cred.getPassword())).isEqualTo("p:ss");
        assertThat(p.credentialsFor("other.host")).isEmpty();
        assertThat(p.select(URI.create("https://gitlab.com/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.describe(URI.create("https://gitlab.com/"))).doesNotContain("p:ss").doesNotContain("p%3Ass");
    }
}
