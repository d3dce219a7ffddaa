package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** DIR...: where {@code repos scan} and {@code repos rewrite} look for repositories. */
final class ScanDirectories {
    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Directories to scan (default: your home).")
    List<Path> directories = new ArrayList<>();
}
