package org.gitlabaccess.cli;

/** A command under another, by the name its {@code @Command} gives it and its class. */
record Subcommand(String name, Class<?> type) {
}
