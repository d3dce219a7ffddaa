package org.gitlabaccess.cli;

import org.gitlabaccess.core.ProductInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build stamped into the jar. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ProductInfo.versionLine()};
    }
}
