package org.gitlabaccess.ui;

import java.util.ArrayList;
import java.util.List;
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
    private final List<WizardPage> pages;
    private final BorderPane root = new BorderPane();
    private final VBox stepList = new VBox();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final Button back;
    private final Button next;
    private final Button cancel;

    WizardWindow(Messages messages, List<WizardPage> pages) {
        this.messages = messages;
        this.pages = List.copyOf(pages);
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


    /** The real wizard: every page, over one session. */
    static WizardWindow create(Messages m, WizardSession session, BackgroundTasks tasks, BrowserOpener browser,
                               boolean hostKeyDialogs) {
        session.locale = m.locale();
        if (hostKeyDialogs) {
            session.hostKeyDecision = new FxHostKeyDecision(m);
        }
        ApplyViewModel apply = new ApplyViewModel(session, tasks);
        List<WizardPage> pages = new ArrayList<>();
        pages.add(new WelcomePage(m, new WelcomeViewModel(session.host), session));
        DiagnosePage diagnose = new DiagnosePage(m, new DiagnoseViewModel(session, tasks));
        MethodViewModel method = new MethodViewModel(session, true);
        MethodPage methodPage = new MethodPage(m, method);
        SignInPage signIn = new SignInPage(m, new SignInViewModel(m, session, tasks), browser);
        pages.add(diagnose);
        pages.add(methodPage);
        pages.add(signIn);
        pages.add(new KeyPage(m, new KeyViewModel(m, session, tasks)));
        RepositoriesPage repositories = new RepositoriesPage(m, new RepositoriesViewModel(m, session, tasks));
        pages.add(repositories);
        pages.add(new ReviewPage(m, new ReviewViewModel(m, session, tasks)));
        pages.add(new ApplyPage(m, apply));
        DonePage done = new DonePage(m, new DoneViewModel(m, apply, session, tasks));
        pages.add(done);
        WizardWindow window = new WizardWindow(m, pages);
        diagnose.onRemedy(new RemedySteps(window::showPage, method, methodPage, signIn, browser));
        Runnable clone = () -> new CloneDialog(m, new CloneViewModel(m, session, tasks)).show(window.owner());
        repositories.onCloneProjects(clone);
        done.onCloneProjects(clone);
        return window;
    }

    /** Goes straight to a page: the Diagnose page's remedies lead to the step that does them. */
    void showPage(WizardPage page) {
        show(pages.indexOf(page));
    }

    Parent root() {
        return root;
    }

    /** The window the wizard is in, for its dialogs; null before it is shown. */
    Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Every step's page, first to last. */
    List<WizardPage> pages() {
        return pages;
    }

    int currentIndex() {
        return current.get();
    }

    WizardPage currentPage() {
        return pages.get(current.get());
    }

    void focusFirst() {
        var node = currentPage().firstFocus();
        if (node != null) {
            node.requestFocus();
        }
    }

    private void advance() {
        if (current.get() == pages.size() - 1) {
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
        if (index < 0 || index >= pages.size()) {
            return;
        }
        current.set(index);
        WizardPage page = pages.get(index);
        root.setCenter(page.view());
        renderStepList(index);
        boolean last = index == pages.size() - 1;
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
        for (int i = 0; i < pages.size(); i++) {
            String name = messages.get(pages.get(i).titleKey());
            Icons.Kind state = i < currentIndex ? Icons.Kind.STEP_DONE : i == currentIndex ? Icons.Kind.STEP_CURRENT
                    : Icons.Kind.STEP_TODO;
            Label step = new Label(name, Icons.of(state, messages));
            step.getStyleClass().add(state.id());
            step.setAccessibleText(messages.get("steps." + state.id().substring("step-".length()), name));
            stepList.getChildren().add(step);
        }
    }
}
