package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 6: the repositories found, live, with what each GitLab remote becomes; untick to leave one alone. */
final class RepositoriesPage implements WizardPage {
    private final RepositoriesViewModel model;
    private final TextField roots = new TextField();
    private final VBox view;

    RepositoriesPage(Messages m, RepositoriesViewModel model) {
        this.model = model;
        Label rootsLabel = new Label(m.get("repos.roots"));
        rootsLabel.setMnemonicParsing(true);
        rootsLabel.setLabelFor(roots);
        roots.textProperty().bindBidirectional(model.rootsProperty());
        roots.setAccessibleText(m.get("repos.roots.accessible"));
        roots.setOnAction(e -> model.scan());
        HBox.setHgrow(roots, Priority.ALWAYS);
        Button scan = new Button(m.get("repos.scan"));
        scan.setMnemonicParsing(true);
        scan.disableProperty().bind(model.scanningProperty());
        scan.setOnAction(e -> model.scan());

        TableView<RepositoriesViewModel.Row> table = new TableView<>(model.visibleRows());
        table.setEditable(true);
        table.setAccessibleText(m.get("repos.table.accessible"));
        // Space ticks or unticks the focused row: a check box inside a table cell is out of reach
        // of the keyboard otherwise.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            RepositoriesViewModel.Row row = table.getFocusModel().getFocusedItem();
            // Only when the table itself has the focus: after a click, the clicked check box has it
            // and toggles itself, while the table's focused row may be another one.
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && e.getTarget() == table && row != null
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
        pick.setPrefWidth(70);
        TableColumn<RepositoriesViewModel.Row, String> path = new TableColumn<>(m.get("repos.col.path"));
        path.setCellValueFactory(c -> new SimpleStringProperty(Ui.tilde(c.getValue().repository.toString(),
                model.home()) + "  (" + c.getValue().remote + ")"));
        path.setPrefWidth(220);
        TableColumn<RepositoriesViewModel.Row, String> before = new TableColumn<>(m.get("repos.col.before"));
        before.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().before));
        before.setPrefWidth(200);
        TableColumn<RepositoriesViewModel.Row, String> after = new TableColumn<>(m.get("repos.col.after"));
        after.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().after));
        after.setPrefWidth(200);
        table.getColumns().add(pick);
        table.getColumns().add(path);
        table.getColumns().add(before);
        table.getColumns().add(after);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField filter = new TextField();
        filter.setPromptText(m.get("repos.filter"));
        filter.setAccessibleText(m.get("repos.filter"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        Button all = new Button(m.get("repos.all"));
        all.setMnemonicParsing(true);
        all.setOnAction(e -> model.setAll(true));
        Button none = new Button(m.get("repos.none.select"));
        none.setMnemonicParsing(true);
        none.setOnAction(e -> model.setAll(false));
        Label status = Ui.hint("");
        status.textProperty().bind(model.statusProperty());
        view = Ui.page(Ui.title(m.get("repos.title")), new VBox(6, rootsLabel, new HBox(8, roots, scan),
                Ui.hint(m.get("repos.excluded"))), status, new HBox(8, filter, all, none), table);
    }

    @Override
    public String titleKey() {
        return "step.repositories";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return new SimpleBooleanProperty(true);
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

    @Override
    public void cancelWork() {
        model.cancel();
    }

    @Override
    public Node firstFocus() {
        return roots;
    }
}
