package org.gitlabaccess.core.gitlab.oauth;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;

/**
 * Opens the system browser without AWT: {@code xdg-open} on Linux, {@code open} on macOS, the URL
 * handler on Windows. The URL is an argument here, which is fine: it carries no secret (PKCE keeps
 * the verifier in this process).
 */
public final class SystemBrowser implements BrowserOpener {
    private final Environment env;

    public SystemBrowser(Environment env) {
        this.env = env;
    }

    @Override
    public boolean open(String url) {
        List<String> command = env.isWindows() ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : env.isMac() ? List.of("open", url) : List.of("xdg-open", url);
        try {
            Process p = ChildProcesses.withoutInput(env, command, Map.of()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.isAlive() || p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
