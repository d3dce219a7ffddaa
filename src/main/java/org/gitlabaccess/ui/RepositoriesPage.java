package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/** Step 6: the repositories found, live, with what each GitLab remote becomes; untick to leave one alone. */
final class RepositoriesPage extends StepPage {
    static final String TITLE = "step.repositories";
    private final RepositoriesViewModel model;
    private final TextField roots = new TextField();
    private Runnable cloneProjects = () -> { };

    RepositoriesPage(Messages m, RepositoriesViewModel model) {
        super(m, TITLE);
        cancelWith(model::cancel);
        this.model = model;
        roots.textProperty().bindBidirectional(model.rootsProperty());
        roots.setAccessibleText(m.get("repos.roots.accessible"));
        roots.setOnAction(e -> model.scan());
        HBox.setHgrow(roots, Priority.ALWAYS);
        // One button starts the scan and stops it: a home with many folders can take a while.
        Button scan = new Button(m.get("repos.scan"));
        scan.textProperty().bind(Bindings.when(model.scanningProperty()).then(m.get("repos.stop"))
                .otherwise(m.get("repos.scan")));
        scan.setOnAction(e -> {
            if (model.scanningProperty().get()) {
                model.cancel();
            } else {
                model.scan();
            }
        });

        TextField filter = new TextField();
        filter.setPromptText(m.get("repos.filter"));
        filter.setAccessibleText(m.get("repos.filter"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        Button all = new Button(m.get("repos.all"));
        all.setOnAction(e -> model.setAll(true));
        Button none = new Button(m.get("repos.none.select"));
        none.setOnAction(e -> model.setAll(false));
        Label status = Ui.hint(model.statusProperty());
        status.visibleProperty().bind(model.scanningProperty().not());
        VBox where = new VBox(Ui.fieldLabel(m.get("repos.roots"), roots), Ui.fieldRow(roots, scan),
                Ui.hint(m.get("repos.excluded")));
        where.getStyleClass().add("field-group");
        // A new employee's home has nothing to change: cloning is what the day needs.
        Button clone = new Button(m.get("clone.open"));
        clone.setOnAction(e -> cloneProjects.run());
        var offer = Ui.actions(Ui.hint(m.get("clone.offer")), clone);
        offer.visibleProperty().bind(model.scanningProperty().not().and(Bindings.isEmpty(model.rows()))
                .and(model.statusProperty().isNotEmpty()));
        offer.managedProperty().bind(offer.visibleProperty());
        layout(m.get("repos.title"), where, status, offer, Ui.actions(filter, all, none),
                Ui.masked(table(), model.scanningProperty(), model.statusProperty()));
        focusFirst(() -> roots);
    }

    private TableView<RepositoriesViewModel.Row> table() {
        TableView<RepositoriesViewModel.Row> table = new TableView<>(model.visibleRows());
        table.setEditable(true);
        table.setAccessibleText(m.get("repos.table.accessible"));
        // Space ticks or unticks the focused row: a check box inside a table cell is out of reach
        // of the keyboard otherwise.
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            RepositoriesViewModel.Row row = table.getFocusModel().getFocusedItem();
            // Only when the table itself has the focus: after a click, the clicked check box has it
            // and toggles itself, while the table's focused row may be another one.
            if (e.getCode() == KeyCode.SPACE && e.getTarget() == table && row != null
                    && !e.isControlDown() && !e.isShiftDown() && !e.isAltDown() && !e.isMetaDown()) {
                row.selected.set(!row.selected.get());
                e.consume();
            }
        });
        table.setPlaceholder(new Label(m.get("repos.none")));
        TableColumn<RepositoriesViewModel.Row, Boolean> pick = new TableColumn<>(m.get("repos.col.rewrite"));
        pick.setCellValueFactory(c -> c.getValue().selected);
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setPrefWidth(90);
        pick.setMinWidth(90); // its header in full, in both languages
        table.getColumns().add(pick);
        table.getColumns().add(column("repos.col.path", 220, r -> Ui.tilde(r.repository.toString(), model.home())
                + "  (" + r.remote + ")"));
        table.getColumns().add(column("repos.col.before", 200, r -> r.before));
        table.getColumns().add(column("repos.col.after", 200, r -> r.after));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private TableColumn<RepositoriesViewModel.Row, String> column(String key, double width,
                                                                  Callback<RepositoriesViewModel.Row, String> text) {
        TableColumn<RepositoriesViewModel.Row, String> column = new TableColumn<>(m.get(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(text.call(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** What "Clone your projects" opens: set by the window. */
    void onCloneProjects(Runnable open) {
        cloneProjects = open;
    }

    @Override
    public ObservableBooleanValue busy() {
        return model.scanningProperty();
    }

    @Override
    public void entered() {
        model.prepare();
        if (model.rows().isEmpty() && !model.scanningProperty().get()) {
            model.scan();
        }
    }

    @Override
    public void committed() {
        model.commit();
    }
}
