package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.util.Optional;

/**
 * Where a redirect may take a request. A request carrying a token or a body (an OAuth code, a
 * refresh token, the token to revoke) follows redirects within the instance's origin only; 301, 302
 * and 303 turn it into a bodiless GET, 307 and 308 repeat it as it was. Anything else is refused,
 * never followed without the credential: the caller reports it. Only an anonymous, bodiless GET may
 * go to another origin, and never from https down to http.
 */
final class RedirectPolicy {

    /** What to do with a redirect: follow it (with this method, and the body or not), or refuse it. */
    record Step(URI next, String method, boolean keepBody, boolean refused) {
    }

    private RedirectPolicy() {
    }

    /**
     * @param instance the origin the request was meant for
     * @param credentialed whether the request carries a token or a body
     */
    static Step next(Origin instance, URI current, String method, boolean credentialed, int status, String location) {
        URI next;
        try {
            next = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            return new Step(current, method, false, true);
        }
        boolean repeat = status == 307 || status == 308;
        String nextMethod = repeat ? method : "GET";
        Optional<Origin> target = Origin.of(next);
        if (target.isEmpty()) {
            return new Step(next, nextMethod, false, true);
        }
        if (target.get().equals(instance)) {
            return new Step(next, nextMethod, repeat, false);
        }
        boolean downgrade = "https".equalsIgnoreCase(current.getScheme()) && "http".equals(target.get().scheme());
        boolean refused = credentialed || !"GET".equals(nextMethod) || downgrade;
        return new Step(next, nextMethod, false, refused);
    }
}
