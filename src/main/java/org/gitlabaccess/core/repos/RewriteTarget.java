package org.gitlabaccess.core.repos;

import org.gitlabaccess.core.WireId;

/** The form remotes are rewritten to. */
public enum RewriteTarget implements WireId {
    SSH, HTTPS;

    @Override
    public String id() {
        return WireId.of(this);
    }
}
