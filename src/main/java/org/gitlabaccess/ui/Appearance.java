package org.gitlabaccess.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;

/**
 * Light or dark, following the operating system (JavaFX 21 has no API for it): GNOME's
 * color-scheme, the Windows "apps use light theme" setting, macOS's AppleInterfaceStyle. The
 * property {@code gitlab-access.theme=dark|light} overrides it.
 */
final class Appearance {
    private Appearance() {
    }

    static boolean dark(Environment env) {
        String forced = env.property("gitlab-access.theme").orElse("");
        if (!forced.isBlank()) {
            return forced.equalsIgnoreCase("dark");
        }
        if (env.isMac()) {
            return ask(env, List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark");
        }
        if (env.isWindows()) {
            String out = ask(env, List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            return out.contains("0x0");
        }
        String gtk = env.variable("GTK_THEME").orElse("");
        if (gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return ask(env, List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    private static String ask(Environment env, List<String> command) {
        try {
            Process p = ChildProcesses.withoutInput(env, command, Map.of()).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
