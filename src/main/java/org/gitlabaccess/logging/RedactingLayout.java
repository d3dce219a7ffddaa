package org.gitlabaccess.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.gitlabaccess.core.io.Redactor;

/** A pattern layout whose every line, stack traces included, passes through the redactor. */
public final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}
