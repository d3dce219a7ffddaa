/**
 * The hostile-machine suite: each case plants something a messy or malicious machine or server
 * holds, runs the product as a user would, and asserts the exit code, the message, and that nothing
 * it must not touch changed ({@link org.gitlabaccess.hostile.FileTreeSnapshot}).
 */
package org.gitlabaccess.hostile;
