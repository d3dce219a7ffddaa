package org.gitlabaccess.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.repos.ScanProgress;
import org.gitlabaccess.core.setup.SetupSession;

/** Step 6's state: the scan roots, the repositories found live, and which ones to rewrite. */
final class RepositoriesViewModel {
    /** One remote URL that would change; ticking a row ticks its repository. */
    static final class Row {
        final Path repository;
        final String remote;
        final String before;
        final String after;
        final BooleanProperty selected = new SimpleBooleanProperty(true);

        Row(Path repository, String remote, String before, String after) {
            this.repository = repository;
            this.remote = remote;
            this.before = before;
            this.after = after;
        }
    }

    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final StringProperty roots = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty scanning = new SimpleBooleanProperty(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> visible = new FilteredList<>(rows, r -> true);
    private volatile ScanCancellation cancellation;

    RepositoriesViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.toLowerCase(Locale.ROOT);
            visible.setPredicate(r -> f.isBlank() || r.repository.toString().toLowerCase(Locale.ROOT).contains(f)
                    || r.before.toLowerCase(Locale.ROOT).contains(f));
        });
    }

    Path home() {
        return UserHome.resolve(session.env());
    }

    StringProperty rootsProperty() {
        return roots;
    }

    StringProperty filterProperty() {
        return filter;
    }

    StringProperty statusProperty() {
        return status;
    }

    BooleanProperty scanningProperty() {
        return scanning;
    }

    FilteredList<Row> visibleRows() {
        return visible;
    }

    ObservableList<Row> rows() {
        return rows;
    }

    void prepare() {
        if (roots.get().isBlank()) {
            List<Path> configured = session.scanRoots();
            roots.set(configured == null || configured.isEmpty() ? UserHome.resolve(session.env()).toString()
                    : String.join(File.pathSeparator, configured.stream().map(Path::toString).toList()));
        }
    }

    void setAll(boolean selected) {
        visible.forEach(r -> r.selected.set(selected));
    }

    /** Scans in the background; progress shows as it goes; the plan says what each remote becomes. */
    void scan() {
        List<Path> list = new ArrayList<>();
        for (String part : roots.get().split(File.pathSeparator)) {
            if (!part.isBlank()) {
                list.add(Path.of(part.strip()));
            }
        }
        session.scanRoots = list;
        rows.clear();
        scanning.set(true);
        ScanCancellation cancel = new ScanCancellation();
        cancellation = cancel;
        SetupSession setup = session.setup();
        tasks.run(() -> setup.previewRepositories(new ScanListener() {
            @Override
            public void progress(ScanProgress p) {
                tasks.onUiThread(() -> status.set(m.get("repos.scanning", p.directories(), p.repositories())));
            }
        }, cancel), preview -> {
            rows.setAll(preview.edits().stream().map(e -> new Row(e.repository(), e.key(), e.shownBefore(),
                    e.shownAfter())).toList());
            scanning.set(false);
            status.set(m.get("repos.found", preview.repositories(), rows.size(), preview.alreadyInTargetForm()));
        }, error -> {
            scanning.set(false);
            status.set(ErrorText.full(error, m.locale()));
        });
    }

    void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    /** Unticked repositories keep their remotes as they are. */
    void commit() {
        session.excludedRepositories.clear();
        rows.stream().filter(r -> !r.selected.get()).forEach(r -> session.excludedRepositories.add(r.repository));
    }
}
