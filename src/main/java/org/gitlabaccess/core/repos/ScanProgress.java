package org.gitlabaccess.core.repos;

/** How far a scan has got. */
public record ScanProgress(long directories, long repositories, long unreadable, boolean finished) {
}
