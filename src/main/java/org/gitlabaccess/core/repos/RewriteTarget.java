package org.gitlabaccess.core.repos;

/** The form remotes are rewritten to. */
public enum RewriteTarget {
    SSH, HTTPS
}
