package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The "finally" hook of {@link BackgroundTasks}: it runs after each of the three endings, and only once. */
class BackgroundTasksTest {
    /** What happened, in order; each entry notes whether it ran on the FX thread where that matters. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    private String where(String event) {
        return event + (Platform.isFxApplicationThread() ? "@fx" : "");
    }

    @Nested
    class SameThread {
        private final BackgroundTasks tasks = new SameThreadTasks();

        @Test
        void afterSuccess() {
            tasks.run(() -> 42, v -> events.add("success " + v), e -> events.add("failure"), () -> events.add("always"));
            assertThat(events).containsExactly("success 42", "always");
        }

        @Test
        void afterFailure() {
            tasks.run(() -> {
                throw new IOException("disk");
            }, v -> events.add("success"), e -> events.add("failure " + e.getMessage()), () -> events.add("always"));
            assertThat(events).containsExactly("failure disk", "always");
        }

        @Test
        void afterCancel() {
            var handle = tasks.run(() -> {
                throw new CancellationException();
            }, v -> events.add("success"), e -> events.add("failure"), () -> events.add("always"));
            assertThat(events).containsExactly("always");
            assertThat(handle.cancelled()).isTrue();
        }

        @Test
        void theThreeArgumentFormStillReportsBoth() {
            tasks.run(() -> "x", v -> events.add("success " + v), e -> events.add("failure"));
            tasks.run(() -> {
                throw new IOException("y");
            }, v -> events.add("success"), e -> events.add("failure " + e.getMessage()));
            assertThat(events).containsExactly("success x", "failure y");
        }
    }

    @Nested
    @ExtendWith(ApplicationExtension.class)
    class OnTheFxThread {
        private final BackgroundTasks tasks = new FxBackgroundTasks();
        private final CountDownLatch ended = new CountDownLatch(1);

        private void always() {
            events.add(where("always"));
            ended.countDown();
        }

        @Test
        void afterSuccess() throws Exception {
            tasks.run(() -> 42, v -> events.add(where("success " + v)), e -> events.add("failure"), this::always);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("success 42@fx", "always@fx");
        }

        @Test
        void afterFailure() throws Exception {
            tasks.run(() -> {
                throw new IOException("disk");
            }, v -> events.add("success"), e -> events.add(where("failure " + e.getMessage())), this::always);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("failure disk@fx", "always@fx");
        }

        @Test
        void afterCancel() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            var handle = tasks.run(() -> {
                started.countDown();
                Thread.sleep(60_000); // until cancel interrupts it
                return 1;
            }, v -> events.add("success"), e -> events.add("failure " + e), this::always);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(handle.cancelled()).isTrue();
            Thread.sleep(200); // a late success or failure would show by now
            assertThat(events).containsExactly("always@fx");
        }

        @Test
        void workThatStopsByCancellationIsNoFailure() throws Exception {
            tasks.run(() -> {
                throw new CancellationException();
            }, v -> events.add("success"), e -> events.add("failure " + e), this::always);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(events).containsExactly("always@fx");
        }
    }
}
