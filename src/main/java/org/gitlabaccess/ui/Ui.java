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
        l.getStyleClass().add("hint");
        return l;
    }

    static VBox page(javafx.scene.Node... children) {
        VBox box = new VBox(14, children);
        box.getStyleClass().add("step-content");
        box.setPadding(new Insets(28, 32, 20, 32));
        return box;
    }
}
