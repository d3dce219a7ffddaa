package org.gitlabaccess.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Small builders shared by the pages, so they look alike: the type scale, fields, buttons, lists. */
final class Ui {
    /** Room a status line's text leaves in a list row: the icon, the gap, the cell's padding, a scroll bar. */
    private static final double STATUS_ROW_CHROME = 56;

    private Ui() {
    }

    static Label title(String text) {
        return styled(text, "step-title");
    }

    /** The sentence under a title that says what the page is for. */
    static Label subtitle(String text) {
        return styled(text, "step-subtitle");
    }

    static Label text(String text) {
        return styled(text, "step-text");
    }

    static Label hint(String text) {
        return styled(text, "hint");
    }

    /** A hint that follows {@code text} and takes no room while it is empty. */
    static Label hint(ObservableStringValue text) {
        Label l = hint("");
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /** What is wrong, with the failure's icon, taking no room while nothing is. */
    static Label problem(ObservableStringValue text, Messages m) {
        Label l = hint(text);
        l.getStyleClass().add("error-text");
        // A listener rather than textProperty().map(...): JavaFX's map subscribes through lambdas of its
        // interfaces, which an AOT cache does not keep, and this label is on the first page.
        l.textProperty().addListener((observable, was, now) -> l.setGraphic(failureIcon(now, m)));
        l.setGraphic(failureIcon(l.getText(), m));
        return l;
    }

    private static Node failureIcon(String problem, Messages m) {
        return problem == null || problem.isEmpty() ? null : Icons.of(Icons.Kind.FAIL, m);
    }

    private static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        // Never squeezed to one clipped line when a growing sibling (a table, a list) wants the room.
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** A field's label; its mnemonic (the letter after _) moves the focus to the field. */
    static Label fieldLabel(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    /** One of a group of choices (buttons read their mnemonic by themselves). */
    static RadioButton choice(String text, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        return button;
    }

    /** A choice with its explanation below it, indented under the button's text. */
    static VBox option(RadioButton button, String explanation) {
        VBox box = new VBox(button, hint(explanation));
        box.getStyleClass().add("option");
        return box;
    }

    /** A field with what goes beside it (a button, a spinner); a growing field takes the row's width. */
    static HBox fieldRow(Node... nodes) {
        HBox row = new HBox(nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("field-row");
        return row;
    }

    /** A row of buttons that wraps to a second line rather than cut a (German) label short. */
    static FlowPane actions(Node... nodes) {
        FlowPane row = new FlowPane(nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("actions");
        return row;
    }

    /** A small spinner shown, and taking room, only while {@code busy}. */
    static ProgressIndicator spinner(ObservableBooleanValue busy) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy-spinner");
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(spinner.visibleProperty());
        return spinner;
    }

    /** The node under a veil with a spinner and the given text while {@code busy}: its content is not final yet. */
    static StackPane masked(Node content, ObservableBooleanValue busy, ObservableStringValue text) {
        MaskerPane masker = new MaskerPane();
        masker.visibleProperty().bind(busy);
        masker.textProperty().bind(text);
        masker.accessibleTextProperty().bind(text);
        masker.setFocusTraversable(false); // the content under it keeps the focus
        StackPane stack = new StackPane(content, masker);
        VBox.setVgrow(stack, Priority.ALWAYS);
        return stack;
    }

    /**
     * Marks the field as wrong (see {@link ThemeValidationDecoration}) while
     * {@code problem} holds a sentence; an empty one clears it.
     */
    static void flagWhen(Control field, ObservableStringValue problem) {
        // After the wizard's first frame: ControlsFX's validation (some forty lambdas linked the first
        // time) marks a field only once its value changes after this, so the first frame looks the same.
        AfterFirstFrame.run(() -> {
            ValidationSupport validation = new ValidationSupport();
            validation.setValidationDecorator(new ThemeValidationDecoration());
            validation.registerValidator(field, false, (Control c, Object value) -> ValidationResult.fromMessageIf(c,
                    problem.get(), Severity.ERROR, problem.get() != null && !problem.get().isBlank()));
            problem.addListener((o, was, now) -> validation.revalidate());
        });
    }

    /** A path under the home shown as {@code ~/…}: shorter, and what users recognise. */
    static String tilde(String text, Path home) {
        String h = home.toString();
        return text == null ? null : text.replace(h + File.separator, "~" + File.separator).replace(h, "~");
    }

    /** A list cell that wraps its text instead of clipping it. */
    static <T> ListCell<T> wrappingCell(ListView<T> list) {
        ListCell<T> cell = cell((c, item) -> {
            c.setText(String.valueOf(item));
            c.setAccessibleText(c.getText());
        });
        // The cell's own wrapping text: the list gives it its width and the cell's height follows,
        // so a line that only just wraps is never cut to an ellipsis.
        cell.setWrapText(true);
        return cell;
    }

    /** One line of a status list: its icon, a heading and an optional hint below it. */
    record StatusLine(Icons.Kind icon, String heading, String hint) {
    }

    /** A list cell showing a {@link StatusLine}, wrapped to the list's width. */
    static <T> ListCell<T> statusCell(ListView<T> list, Messages m, Function<T, StatusLine> render) {
        return cell((c, item) -> {
            StatusLine line = render.apply(item);
            Label head = wrapped(new Label(line.heading()), list);
            head.getStyleClass().add("status-" + line.icon().id());
            VBox text = new VBox(2, head);
            if (line.hint() != null) {
                text.getChildren().add(wrapped(hint(line.hint()), list));
            }
            Node icon = Icons.of(line.icon(), m);
            HBox row = new HBox(8, icon, text);
            row.getStyleClass().add("status-line");
            c.setGraphic(row);
            c.setAccessibleText(icon.getAccessibleText() + ": " + head.getText());
        });
    }

    /** A cell that shows nothing when empty and lets {@code show} fill it otherwise. */
    private static <T> ListCell<T> cell(BiConsumer<ListCell<T>, T> show) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(null);
                setText(null);
                if (!empty && item != null) {
                    show.accept(this, item);
                }
            }
        };
        cell.setPrefWidth(0); // the list's width, not the unwrapped text's: no horizontal scroll bar
        return cell;
    }

    /** A label that wraps at the list's width. */
    private static Label wrapped(Label l, ListView<?> list) {
        l.setWrapText(true);
        l.maxWidthProperty().bind(list.widthProperty().subtract(STATUS_ROW_CHROME));
        return l;
    }

    /** Presses the scene's default button (Next), for a field whose own Enter handling comes first. */
    static void fireDefaultButton(Node node) {
        if (node.getScene() == null) {
            return;
        }
        node.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.isDefaultButton() && !b.isDisabled())
                .map(Button.class::cast).findFirst().ifPresent(Button::fire);
    }

    /** A page's column: every step has the same margins and spacing (wizard.css). */
    static VBox page(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add("step-content");
        return box;
    }
}
