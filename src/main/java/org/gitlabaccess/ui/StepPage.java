package org.gitlabaccess.ui;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the steps' pages share: the step's name, one layout (title, then the page's own rows, with
 * the spacing of wizard.css), and a page that is always ready and never busy unless it says otherwise.
 */
abstract class StepPage implements WizardPage {
    private static final ObservableBooleanValue ALWAYS = new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    private static final ObservableBooleanValue NEVER = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();

    protected final Messages m;
    private final String titleKey;
    private final VBox view = Ui.page();
    private Supplier<Node> firstFocus = () -> null;
    private Runnable cancel = () -> { };

    protected StepPage(Messages m, String titleKey) {
        this.m = m;
        this.titleKey = titleKey;
    }

    /** Fills the page: its title, then {@code rows} from top to bottom. */
    protected final void layout(String title, Node... rows) {
        layout(new ReadOnlyStringWrapper(title), rows);
    }

    /** As {@link #layout(String, Node...)}, for a page whose title follows a choice made on it. */
    protected final void layout(ObservableStringValue title, Node... rows) {
        Label heading = Ui.title("");
        heading.textProperty().bind(title);
        view.getChildren().setAll(heading);
        view.getChildren().addAll(rows);
    }

    /** Which control gets the keyboard focus when the page opens (asked each time). */
    protected final void focusFirst(Supplier<Node> which) {
        firstFocus = which;
    }

    /** What Cancel stops while the page is busy. */
    protected final void cancelWith(Runnable stop) {
        cancel = stop;
    }

    @Override
    public final Node firstFocus() {
        return firstFocus.get();
    }

    @Override
    public final void cancelWork() {
        cancel.run();
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return ALWAYS;
    }

    @Override
    public ObservableBooleanValue busy() {
        return NEVER;
    }
}
