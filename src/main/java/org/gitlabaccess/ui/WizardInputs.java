package org.gitlabaccess.ui;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.slf4j.LoggerFactory;

/**
 * What the wizard's window needs before its first frame that JavaFX does not give: logging started,
 * the site's settings, the texts, light or dark. Read on a thread of its own while JavaFX starts its
 * toolkit, so that neither the settings files nor the child process asking the desktop's colour
 * scheme hold up the JavaFX thread before the first frame.
 */
record WizardInputs(Environment env, SiteConfig site, Messages messages, boolean dark) {
    static Future<WizardInputs> readBeside() {
        FutureTask<WizardInputs> reading = new FutureTask<>(WizardInputs::read);
        Thread thread = new Thread(reading, "wizard-inputs");
        thread.setDaemon(true);
        thread.start();
        return reading;
    }

    static WizardInputs read() {
        // Before the first background task logs: two threads racing to start logging would have SLF4J
        // queue and replay their lines.
        LoggerFactory.getILoggerFactory();
        Environment env = Environment.system();
        return new WizardInputs(env, SiteConfig.load(SiteConfig.layers(env, AppDirectories.of(env))),
                new Messages(Locale.getDefault()), Appearance.dark(env));
    }

    /** The inputs read beside the toolkit's start, once read; a failure to read them is thrown here. */
    static WizardInputs await(Future<WizardInputs> reading) {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
