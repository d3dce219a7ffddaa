package org.gitlabaccess.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.function.Supplier;

/** Creates its delegate on the first event, so a run that logs nothing creates no file. */
final class LazyAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final Supplier<Appender<ILoggingEvent>> factory;
    private volatile Appender<ILoggingEvent> delegate;

    LazyAppender(Supplier<Appender<ILoggingEvent>> factory) {
        this.factory = factory;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Appender<ILoggingEvent> target = delegate;
        if (target == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = factory.get();
                }
                target = delegate;
            }
        }
        target.doAppend(event);
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }
}
