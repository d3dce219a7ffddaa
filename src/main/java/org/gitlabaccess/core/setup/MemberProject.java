package org.gitlabaccess.core.setup;

/**
 * A project the user is a member of, as GitLab lists it.
 *
 * @param path its path with namespace ({@code group/sub/project}), checked to stay below a clone root
 * @param lastActivityAt GitLab's timestamp of its latest activity, or null
 */
public record MemberProject(String path, String name, String lastActivityAt) {

    /** The namespace ({@code group/sub}), for grouping. */
    public String namespace() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** True when the project is in the group or one of its subgroups. */
    public boolean inGroup(String group) {
        String g = group.strip().replaceAll("^/+|/+$", "");
        return !g.isEmpty() && (path.startsWith(g + "/"));
    }
}
