package org.gitlabaccess.core.gitlab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.io.Environment;

/**
 * Which proxy to use, as curl and git decide: {@code HTTPS_PROXY} / {@code HTTP_PROXY} (either
 * case) unless {@code NO_PROXY} matches the host; without them, the system's proxy settings.
 */
public final class ProxySettings extends ProxySelector {
    private final URI httpsProxy;
    private final URI httpProxy;
    private final List<String> noProxy;
    private final ProxySelector system;

    ProxySettings(URI httpsProxy, URI httpProxy, List<String> noProxy, ProxySelector system) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
        this.system = system;
    }

    public static ProxySettings from(Environment env) {
        URI https = proxyUri(env, "HTTPS_PROXY").or(() -> proxyUri(env, "ALL_PROXY")).orElse(null);
        URI http = proxyUri(env, "HTTP_PROXY").or(() -> proxyUri(env, "ALL_PROXY")).orElse(null);
        List<String> no = new ArrayList<>();
        String raw = env.variable("NO_PROXY").or(() -> env.variable("no_proxy")).orElse("");
        for (String entry : raw.split(",")) {
            if (!entry.isBlank()) {
                no.add(entry.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new ProxySettings(https, http, no, ProxySelector.getDefault());
    }

    private static Optional<URI> proxyUri(Environment env, String name) {
        return env.variable(name).or(() -> env.variable(name.toLowerCase(Locale.ROOT))).map(v -> {
            String s = v.contains("://") ? v : "http://" + v;
            return URI.create(s);
        });
    }

    /** The proxy for this URL, if any (for messages and credentials). */
    public Optional<URI> proxyFor(URI uri) {
        if (bypass(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.ofNullable("https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy);
    }

    /** The user name and password embedded in the proxy URL for this proxy host, if any. */
    public Optional<PasswordAuthentication> credentialsFor(String proxyHost) {
        for (URI p : new URI[] {httpsProxy, httpProxy}) {
            if (p != null && p.getRawUserInfo() != null && p.getHost().equalsIgnoreCase(proxyHost)) {
                String[] parts = p.getRawUserInfo().split(":", 2);
                String user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                String pass = parts.length > 1
                        ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
                return Optional.of(new PasswordAuthentication(user, pass.toCharArray()));
            }
        }
        return Optional.empty();
    }

    public boolean hasCredentials() {
        return (httpsProxy != null && httpsProxy.getRawUserInfo() != null)
                || (httpProxy != null && httpProxy.getRawUserInfo() != null);
    }

    /** True when any proxy is configured through the environment. */
    public boolean fromEnvironment() {
        return httpsProxy != null || httpProxy != null;
    }

    boolean bypass(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String e = entry.startsWith("*.") ? entry.substring(1) : entry;
            int colon = e.indexOf(':');
            if (colon > 0 && !e.contains("]")) {
                e = e.substring(0, colon);
            }
            if (e.equals("*") || h.equals(e) || (e.startsWith(".") && h.endsWith(e)) || h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (fromEnvironment()) {
            return proxyFor(uri).map(p -> List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(p.getHost(), p.getPort() == -1 ? 80 : p.getPort()))))
                    .orElse(List.of(Proxy.NO_PROXY));
        }
        return system == null ? List.of(Proxy.NO_PROXY) : system.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (system != null && !fromEnvironment()) {
            system.connectFailed(uri, sa, ioe);
        }
    }

    /** A short description of the proxy for a URL, without credentials. */
    public String describe(URI uri) {
        return proxyFor(uri).map(p -> p.getHost() + ":" + (p.getPort() == -1 ? 80 : p.getPort()))
                .orElse("the system proxy");
    }
}
