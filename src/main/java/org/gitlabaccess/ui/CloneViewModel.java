package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.gitlabaccess.core.setup.CloneReport;
import org.gitlabaccess.core.setup.MemberProject;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupSession;

/**
 * The first day's clones: the user's projects grouped by namespace, searchable, with a sensible
 * preselection (the site's groups for new employees, else the most recently active), cloned in the
 * background with progress and cancel.
 */
final class CloneViewModel {
    /** How many of the most recently active projects are ticked when IT preselected no group. */
    static final int PRESELECTED_RECENT = 5;

    /** One project; ticked ones are cloned. */
    static final class Row {
        final MemberProject project;
        final BooleanProperty selected = new SimpleBooleanProperty(false);

        Row(MemberProject project) {
            this.project = project;
        }
    }

    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> visible = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty root = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<CloneReport> report = new SimpleObjectProperty<>();
    private volatile boolean cancelled;

    CloneViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(r -> f.isEmpty() || r.project.path().toLowerCase(Locale.ROOT).contains(f)
                    || r.project.name().toLowerCase(Locale.ROOT).contains(f));
        });
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** The rows the search leaves, grouped by namespace (sorted by it, then by path). */
    FilteredList<Row> visibleRows() {
        return visible;
    }

    StringProperty filterProperty() {
        return filter;
    }

    StringProperty rootProperty() {
        return root;
    }

    StringProperty statusProperty() {
        return status;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    ObjectProperty<CloneReport> reportProperty() {
        return report;
    }

    /** Lists the user's projects (in the background) and ticks the preselection. */
    void load() {
        SetupSession setup = session.setup();
        if (root.get().isBlank()) {
            root.set(setup.cloneRoot().toString());
        }
        busy.set(true);
        status.set(m.get("clone.loading"));
        List<String> groups = session.site().cloneGroups();
        tasks.run(() -> setup.memberProjects(null), projects -> {
            List<Row> list = projects.stream().map(Row::new).toList();
            preselect(list, groups);
            rows.setAll(list.stream().sorted(Comparator.comparing((Row r) -> r.project.namespace())
                    .thenComparing(r -> r.project.path())).toList());
            busy.set(false);
            status.set(m.get("clone.found", rows.size(), selected().size()));
        }, e -> {
            busy.set(false);
            status.set(ErrorText.full(e, m.locale()));
        });
    }

    /** IT's groups when it named some; else the most recently active projects. */
    private static void preselect(List<Row> newestFirst, List<String> groups) {
        if (!groups.isEmpty()) {
            newestFirst.forEach(r -> r.selected.set(groups.stream().anyMatch(r.project::inGroup)));
        } else {
            newestFirst.stream().filter(r -> r.project.lastActivityAt() != null).limit(PRESELECTED_RECENT)
                    .forEach(r -> r.selected.set(true));
        }
    }

    List<MemberProject> selected() {
        return rows.stream().filter(r -> r.selected.get()).map(r -> r.project).toList();
    }

    void setAll(boolean selected) {
        visible.forEach(r -> r.selected.set(selected));
    }

    /** Clones the ticked projects below the root, in the background; an existing directory is left alone. */
    void cloneSelected() {
        List<MemberProject> chosen = selected();
        if (chosen.isEmpty() || root.get().isBlank()) {
            return;
        }
        SetupSession setup = session.setup();
        Path target = Path.of(root.get().strip());
        cancelled = false;
        busy.set(true);
        progress.set(0);
        report.set(null);
        Progress p = new Progress() {
            @Override
            public void update(String message, double fraction) {
                tasks.onUiThread(() -> {
                    progress.set(fraction);
                    status.set(m.get("clone.progress", message));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
        tasks.run(() -> setup.cloneProjects(chosen, target, p), r -> {
            busy.set(false);
            progress.set(1);
            report.set(r);
            status.set(m.get("clone.done", r.cloned().size(), r.skipped().size(), r.failed().size()));
        }, e -> {
            busy.set(false);
            status.set(ErrorText.full(e, m.locale()));
        });
    }

    /** Clones not started yet are not started; the ones under way finish or leave nothing behind. */
    void cancel() {
        cancelled = true;
    }

    /** For the list: when the project was last active, as a date, or empty. */
    static String lastActive(MemberProject p) {
        try {
            return p.lastActivityAt() == null ? "" : Instant.parse(p.lastActivityAt()).toString().substring(0, 10);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
