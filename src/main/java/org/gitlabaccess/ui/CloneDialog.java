package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Clone your projects": the first day's clones, for a new employee whose scan found nothing, or
 * from the Done page. The user's projects grouped by namespace, searchable, the preselection ticked;
 * Space ticks the focused one. Cloning runs in the background; Close stops clones not started yet.
 */
final class CloneDialog {
    private final Messages m;
    private final CloneViewModel model;

    CloneDialog(Messages m, CloneViewModel model) {
        this.m = m;
        this.model = model;
    }

    void show(Window owner) {
        ButtonType close = new ButtonType(m.get("clone.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(m.get("clone.title"));
        dialog.setHeaderText(m.get("clone.header"));
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        TextField root = new TextField();
        root.textProperty().bindBidirectional(model.rootProperty());
        TextField search = new TextField();
        search.setPromptText(m.get("clone.search"));
        search.setAccessibleText(m.get("clone.search"));
        search.textProperty().bindBidirectional(model.filterProperty());
        ListView<CloneViewModel.Row> list = new ListView<>(model.visibleRows());
        list.setAccessibleText(m.get("clone.list.accessible"));
        list.setPlaceholder(new Label(m.get("clone.none")));
        list.setCellFactory(CheckBoxListCell.forListView(r -> r.selected, new StringConverter<>() {
            @Override
            public String toString(CloneViewModel.Row r) {
                String when = CloneViewModel.lastActive(r.project);
                return r.project.path() + (when.isEmpty() ? "" : "   " + m.get("clone.active", when));
            }

            @Override
            public CloneViewModel.Row fromString(String text) {
                return null;
            }
        }));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            CloneViewModel.Row row = list.getFocusModel().getFocusedItem();
            if (e.getCode() == KeyCode.SPACE && row != null) {
                row.selected.set(!row.selected.get());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button start = new Button(m.get("clone.start"));
        start.setDefaultButton(true);
        start.disableProperty().bind(model.busyProperty().or(root.textProperty().isEmpty()));
        start.setOnAction(e -> model.cloneSelected());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = Ui.hint(model.statusProperty());
        HBox.setHgrow(root, Priority.ALWAYS);
        root.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(8, Ui.fieldLabel(m.get("clone.root"), root), Ui.fieldRow(root),
                Ui.fieldLabel(m.get("clone.search.label"), search), search, list,
                Ui.actions(start, Ui.spinner(model.busyProperty())), progress, status);
        content.setPrefSize(620, 460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        // Close while cloning stops what has not started; the clones under way finish or leave nothing.
        dialog.setOnCloseRequest(e -> model.cancel());
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.textProperty().bind(Bindings.when(model.busyProperty()).then(m.get("clone.stop"))
                .otherwise(m.get("clone.close")));
        dialog.setOnShown(e -> search.requestFocus());
        model.load();
        dialog.showAndWait();
    }
}
