package org.gitlabaccess.ui;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;

/** The wizard's frame: the step list on the side, the current page, and Back / Next / Cancel. */
final class WizardWindow {
    private final Messages messages;
    private final List<Step<?>> steps;
    private final BorderPane root = new BorderPane();
    private final VBox stepList = new VBox();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final Button back;
    private final Button next;
    private final Button cancel;

    private WizardWindow(Messages messages, List<Step<?>> steps) {
        this.messages = messages;
        this.steps = steps;
        root.getStyleClass().add("wizard");
        stepList.getStyleClass().add("step-list");
        stepList.setAccessibleRole(AccessibleRole.LIST_VIEW);
        stepList.setAccessibleText(messages.get("steps.accessible"));
        root.setLeft(stepList);
        back = new Button(messages.get("button.back"));
        next = new Button(messages.get("button.next"));
        cancel = new Button(messages.get("button.cancel"));
        next.setDefaultButton(true);
        cancel.setCancelButton(true);
        back.setOnAction(e -> show(current.get() - 1));
        next.setOnAction(e -> advance());
        cancel.setOnAction(e -> cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(cancel, spacer, back, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("wizard-buttons");
        root.setBottom(bar);
        // Enter is Next, as in any installer, also from a list, a table, a radio button or a check box:
        // their own behaviour takes Enter (to start editing a cell, to select or tick; Space does
        // that) before the default button could see it. A push button still answers Enter itself.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown() && !e.isShiftDown()
                    && takesEnterFromNext(e.getTarget()) && !next.isDisabled()) {
                e.consume();
                next.fire();
            }
        });
        show(0);
    }

    private static boolean takesEnterFromNext(Object target) {
        return target instanceof ListView || target instanceof TableView || target instanceof RadioButton
                || target instanceof CheckBox;
    }


    /** The real wizard: every step, over one session. */
    static WizardWindow create(Messages m, WizardSession session, BackgroundTasks tasks, BrowserOpener browser,
                               boolean hostKeyDialogs) {
        session.locale = m.locale();
        if (hostKeyDialogs) {
            session.hostKeyDecision = new FxHostKeyDecision(m);
        }
        // Shared by two pages each.
        ApplyViewModel apply = new ApplyViewModel(session, tasks);
        MethodViewModel method = new MethodViewModel(session, true);
        Step<MethodPage> methodStep = new Step<>(MethodPage.TITLE, w -> new MethodPage(m, method));
        Step<SignInPage> signInStep = new Step<>(SignInPage.TITLE,
                w -> new SignInPage(m, new SignInViewModel(m, session, tasks), browser));
        Function<WizardWindow, Runnable> clone = w -> () -> new CloneDialog(m, new CloneViewModel(m, session, tasks))
                .show(w.owner());
        return new WizardWindow(m, List.of(
                new Step<>(WelcomePage.TITLE, w -> new WelcomePage(m, new WelcomeViewModel(session.host), session)),
                new Step<>(DiagnosePage.TITLE, w -> {
                    DiagnosePage diagnose = new DiagnosePage(m, new DiagnoseViewModel(session, tasks));
                    diagnose.onRemedy(new RemedySteps(method, () -> w.show(methodStep), () -> w.show(signInStep),
                            browser));
                    return diagnose;
                }),
                methodStep,
                signInStep,
                new Step<>(KeyPage.TITLE, w -> new KeyPage(m, new KeyViewModel(m, session, tasks))),
                new Step<>(RepositoriesPage.TITLE, w -> {
                    RepositoriesPage repositories = new RepositoriesPage(m, new RepositoriesViewModel(m, session, tasks));
                    repositories.onCloneProjects(clone.apply(w));
                    return repositories;
                }),
                new Step<>(ReviewPage.TITLE, w -> new ReviewPage(m, new ReviewViewModel(m, session, tasks))),
                new Step<>(ApplyPage.TITLE, w -> new ApplyPage(m, apply)),
                new Step<>(DonePage.TITLE, w -> {
                    DonePage done = new DonePage(m, new DoneViewModel(m, apply, session, tasks));
                    done.onCloneProjects(clone.apply(w));
                    return done;
                })));
    }

    /** Goes straight to a step: the Diagnose page's remedies lead to the step that does them. */
    void show(Step<?> step) {
        show(steps.indexOf(step));
    }

    /**
     * Makes the pages not made yet, so that the first Next does not wait for its page (after the first
     * frame): one page a turn of the event queue, so that keys typed meanwhile are answered between
     * them; then {@code done}.
     */
    void makeRemainingPages(Runnable done) {
        makePagesFrom(0, done);
    }

    private void makePagesFrom(int index, Runnable done) {
        if (index == steps.size()) {
            done.run();
            return;
        }
        steps.get(index).page(this);
        Platform.runLater(() -> makePagesFrom(index + 1, done));
    }

    Parent root() {
        return root;
    }

    /** The window the wizard is in, for its dialogs; null before it is shown. */
    Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Every step's page, first to last (made now if not yet). */
    List<WizardPage> pages() {
        return steps.stream().<WizardPage>map(step -> step.page(this)).toList();
    }

    int currentIndex() {
        return current.get();
    }

    WizardPage currentPage() {
        return steps.get(current.get()).page(this);
    }

    void focusFirst() {
        var node = currentPage().firstFocus();
        if (node != null) {
            // Its skin first (made at the next pulse otherwise): a text field selects its text when it
            // gets the focus only once its skin is there, and a page made on the way may still lack it.
            node.applyCss();
            node.requestFocus();
        }
    }

    private void advance() {
        if (current.get() == steps.size() - 1) {
            close();
            return;
        }
        currentPage().committed();
        show(current.get() + 1);
    }

    private void cancel() {
        if (currentPage().busy().get()) {
            currentPage().cancelWork();
        } else {
            close();
        }
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    private void show(int index) {
        if (index < 0 || index >= steps.size()) {
            return;
        }
        WizardPage page = steps.get(index).page(this);
        current.set(index);
        root.setCenter(page.view());
        renderStepList(index);
        boolean last = index == steps.size() - 1;
        next.setText(messages.get(last ? "button.close" : "button.next"));
        next.disableProperty().unbind();
        back.disableProperty().unbind();
        if (last) {
            next.setDisable(false);
        } else {
            next.disableProperty().bind(Bindings.createBooleanBinding(() -> !page.canGoNext().get() || page.busy().get(),
                    page.canGoNext(), page.busy()));
        }
        // No going back from the apply page while it works, nor past it once done.
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> index == 0 || page.busy().get()
                || page instanceof DonePage, page.busy()));
        page.entered();
        javafx.application.Platform.runLater(this::focusFirst);
    }

    private void renderStepList(int currentIndex) {
        stepList.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            String name = messages.get(steps.get(i).titleKey());
            Icons.Kind state = i < currentIndex ? Icons.Kind.STEP_DONE : i == currentIndex ? Icons.Kind.STEP_CURRENT
                    : Icons.Kind.STEP_TODO;
            Label step = new Label(name, Icons.of(state, messages));
            step.getStyleClass().add(state.id());
            step.setAccessibleText(messages.get("steps." + state.id().substring("step-".length()), name));
            stepList.getChildren().add(step);
        }
    }
}
