package org.gitlabaccess.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Small builders shared by the pages, so they look alike. */
final class Ui {
    private Ui() {
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("step-title");
        l.setWrapText(true);
        return l;
    }

    static Label text(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("step-text");
        return l;
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        // Never squeezed to one clipped line when a growing sibling (a table, a list) wants the room.
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("hint");
        return l;
    }

    /** A path under the home shown as {@code ~/…}: shorter, and what users recognise. */
    static String tilde(String text, java.nio.file.Path home) {
        String h = home.toString();
        return text == null ? null : text.replace(h + java.io.File.separator, "~" + java.io.File.separator)
                .replace(h, "~");
    }

    /** A list cell that wraps its text instead of clipping it. */
    static <T> javafx.scene.control.ListCell<T> wrappingCell(javafx.scene.control.ListView<T> list) {
        javafx.scene.control.ListCell<T> cell = new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                setGraphic(null);
                setText(String.valueOf(item));
                setAccessibleText(getText());
            }
        };
        // The cell's own wrapping text with no preferred width: the list gives it its width and the
        // cell's height follows, so a line that only just wraps is never cut to an ellipsis.
        cell.setWrapText(true);
        cell.setPrefWidth(0);
        return cell;
    }

    /** A label that wraps at the list's width. */
    private static Label wrapped(Label l, javafx.scene.control.ListView<?> list) {
        l.setWrapText(true);
        l.maxWidthProperty().bind(list.widthProperty().subtract(30));
        return l;
    }

    /** One line of a status list: a heading (with its style class) and an optional hint below it. */
    record StatusLine(String heading, String styleClass, String hint) {
    }

    /** A list cell showing a {@link StatusLine}, wrapped to the list's width. */
    static <T> javafx.scene.control.ListCell<T> statusCell(javafx.scene.control.ListView<T> list,
                                                          java.util.function.Function<T, StatusLine> render) {
        javafx.scene.control.ListCell<T> cell = new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                StatusLine line = render.apply(item);
                Label head = wrapped(new Label(line.heading()), list);
                head.getStyleClass().add(line.styleClass());
                VBox box = new VBox(2, head);
                if (line.hint() != null) {
                    Label hint = wrapped(hint(line.hint()), list);
                    box.getChildren().add(hint);
                }
                setGraphic(box);
                setAccessibleText(head.getText());
            }
        };
        cell.setPrefWidth(0); // the list's width, not the unwrapped text's: no horizontal scroll bar
        return cell;
    }

    /** Presses the scene's default button (Next), for a field whose own Enter handling comes first. */
    static void fireDefaultButton(javafx.scene.Node node) {
        if (node.getScene() == null) {
            return;
        }
        node.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton() && !b.isDisabled())
                .map(javafx.scene.control.Button.class::cast).findFirst().ifPresent(javafx.scene.control.Button::fire);
    }

    static VBox page(javafx.scene.Node... children) {
        VBox box = new VBox(14, children);
        box.getStyleClass().add("step-content");
        box.setPadding(new Insets(28, 32, 20, 32));
        return box;
    }
}
