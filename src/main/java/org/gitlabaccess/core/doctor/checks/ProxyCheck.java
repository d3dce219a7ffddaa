package org.gitlabaccess.core.doctor.checks;

import java.net.URI;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.ProxySettings;

/** Which proxy HTTPS goes through, and whether it lets us by. */
public final class ProxyCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.PROXY;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        ProxySettings proxy = ProxySettings.from(c.inputs().env());
        URI target = URI.create(c.url().origin());
        var problem = c.instanceProblem();
        if (problem.isPresent() && problem.get().reason().equals("proxy-authentication")) {
            return CheckResult.fail(id(), problem.get(), c.locale());
        }
        var envProxy = proxy.proxyFor(target);
        if (envProxy.isPresent()) {
            return CheckResult.ok(id(), c.texts().get("doctor.proxy.environment", c.url().host(),
                    proxy.describe(target)));
        }
        if (proxy.fromEnvironment()) {
            return CheckResult.ok(id(), c.texts().get("doctor.proxy.no-proxy", c.url().host()));
        }
        var system = proxy.select(target);
        if (!system.isEmpty() && system.get(0).type() != java.net.Proxy.Type.DIRECT) {
            return CheckResult.warn(id(), c.texts().get("doctor.proxy.system", system.get(0).address(), c.url().host()),
                    Fix.manual(c.texts().get("doctor.proxy.system.fix"), Remedy.NONE));
        }
        return CheckResult.ok(id(), c.texts().get("doctor.proxy.direct", c.url().host()));
    }
}
