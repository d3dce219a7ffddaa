package org.gitlabaccess.core.setup;

/** Where a long step reports progress and learns that the user cancelled. */
public interface Progress {
    void update(String message, double fraction);

    boolean cancelled();

    Progress NONE = new Progress() {
        @Override
        public void update(String message, double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
