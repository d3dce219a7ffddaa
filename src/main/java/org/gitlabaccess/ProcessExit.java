package org.gitlabaccess;

/**
 * How a command's process ends. {@code System.exit} looks up a {@code System.Logger} to log the exit
 * (Java 21+), and finding the logging back end opens every jar on the class path to look for a
 * provider: about 7 ms of every command, when the AOT cache or CDS archive spared opening them at all.
 * So a successful command ends by returning from {@code main} when nothing else keeps the JVM alive;
 * shutdown hooks run either way. A failure code, or a thread that would keep the JVM running, still
 * goes through {@code System.exit}.
 */
final class ProcessExit {
    private ProcessExit() {
    }

    /** Whether returning from {@code main} ends the process with {@code code}. */
    static boolean byReturning(int code) {
        return code == 0 && !otherUserThreadAlive();
    }

    /** A live thread, other than this one, that is not a daemon: the JVM would wait for it. */
    static boolean otherUserThreadAlive() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        if (count == threads.length) {
            return true; // more than were counted a moment ago: not sure, so exit explicitly
        }
        for (int i = 0; i < count; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
                return true;
            }
        }
        return false;
    }
}
