package org.gitlabaccess.core.doctor.checks;

import java.net.URI;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.gitlab.ProxySettings;

/** Which proxy HTTPS goes through, and whether it lets us by. */
public final class ProxyCheck implements Check {
    @Override
    public String id() {
        return "proxy";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        ProxySettings proxy = ProxySettings.from(c.inputs().env());
        URI target = URI.create(c.url().origin());
        var problem = c.instanceProblem();
        if (problem.isPresent() && problem.get().reason().equals("proxy-authentication")) {
            return CheckResult.fail(id(), problem.get().getMessage(), Fix.manual(problem.get().hint()));
        }
        var envProxy = proxy.proxyFor(target);
        if (envProxy.isPresent()) {
            return CheckResult.ok(id(), "HTTPS to " + c.url().host() + " goes through the proxy " + proxy.describe(target)
                    + " (HTTPS_PROXY); note that git reads the same variables.");
        }
        if (proxy.fromEnvironment()) {
            return CheckResult.ok(id(), "No proxy for " + c.url().host() + " (NO_PROXY matches it).");
        }
        var system = proxy.select(target);
        if (!system.isEmpty() && system.get(0).type() != java.net.Proxy.Type.DIRECT) {
            return CheckResult.warn(id(), "The system proxy " + system.get(0).address() + " is used for "
                    + c.url().host() + ", but git does not read system proxy settings.",
                    Fix.manual("Set HTTPS_PROXY for git too, or http.proxy in git's configuration."));
        }
        return CheckResult.ok(id(), "Direct connection to " + c.url().host() + " (no proxy).");
    }
}
