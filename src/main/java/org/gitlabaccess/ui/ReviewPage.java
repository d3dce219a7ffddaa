package org.gitlabaccess.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.Change;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupFlows;
import org.gitlabaccess.core.setup.SetupState;
import org.gitlabaccess.core.setup.SetupStep;
import org.gitlabaccess.core.setup.SignInStep;

/** Step 7: every change listed before anything is written. */
final class ReviewPage implements WizardPage {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final CheckBox revoke;
    private final Label error = Ui.hint("");
    private final ListView<String> list = new ListView<>(lines);
    private final VBox view;

    ReviewPage(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        revoke = new CheckBox(m.get("review.revoke"));
        revoke.setMnemonicParsing(true);
        list.setAccessibleText(m.get("review.list.accessible"));
        list.setCellFactory(Ui::wrappingCell);
        VBox.setVgrow(list, Priority.ALWAYS);
        error.getStyleClass().add("error-text");
        view = Ui.page(Ui.title(m.get("review.title")), Ui.text(m.get("review.explain")), list, revoke, error);
    }

    @Override
    public String titleKey() {
        return "step.review";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return ready;
    }

    @Override
    public ObservableBooleanValue busy() {
        return loading;
    }

    @Override
    public void entered() {
        revoke.setVisible(session.method == SetupMethod.SSH);
        lines.clear();
        ready.set(false);
        loading.set(true);
        error.setText("");
        SetupState state = new SetupState(session.request());
        tasks.run(() -> {
            new SignInStep().run(state, Progress.NONE);
            List<String> planned = new ArrayList<>();
            for (SetupStep step : SetupFlows.forMethod(session.method)) {
                for (Change c : step.plan(state)) {
                    planned.add(Ui.tilde(m.getOr("change." + c.kind(), c.kind()) + ": " + c.target()
                            + (c.before() == null ? "" : " — " + c.before() + " →")
                            + (c.after() == null ? "" : " " + c.after()), state.home()));
                }
            }
            return planned;
        }, planned -> {
            loading.set(false);
            lines.setAll(planned);
            ready.set(true);
        }, e -> {
            loading.set(false);
            error.setText(e instanceof ProblemException p ? p.getMessage() + " " + p.hint() : String.valueOf(e));
        });
    }

    @Override
    public void committed() {
        session.revokeTokenAfter = revoke.isVisible() && revoke.isSelected();
    }

    @Override
    public Node firstFocus() {
        return list;
    }
}
