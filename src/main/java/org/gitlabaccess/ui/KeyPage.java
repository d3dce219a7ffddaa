package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 5: create a key (passphrase + confirmation, with a strength hint) or reuse one. */
final class KeyPage implements WizardPage {
    private final KeyViewModel model;
    private final RadioButton create;
    private final VBox view;

    KeyPage(Messages m, KeyViewModel model) {
        this.model = model;
        ToggleGroup group = new ToggleGroup();
        create = new RadioButton(m.get("key.create"));
        RadioButton reuse = new RadioButton(m.get("key.reuse"));
        create.setToggleGroup(group);
        reuse.setToggleGroup(group);
        create.setSelected(!model.reuseProperty().get());
        reuse.selectedProperty().bindBidirectional(model.reuseProperty());
        model.reuseProperty().addListener((o, a, b) -> create.setSelected(!b));

        TextField file = new TextField();
        file.textProperty().bindBidirectional(model.fileProperty());
        file.setAccessibleText(m.get("key.file.accessible"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(m.get("key.browse"));
        browse.setMnemonicParsing(true);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(m.get("key.browse.title"));
            var chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                model.fileProperty().set(chosen.getAbsolutePath());
            }
        });
        Label fileLabel = new Label(m.get("key.file"));
        fileLabel.setMnemonicParsing(true);
        fileLabel.setLabelFor(file);

        PasswordField pass = new PasswordField();
        pass.textProperty().bindBidirectional(model.passphraseProperty());
        pass.setAccessibleText(m.get("key.passphrase.accessible"));
        PasswordField again = new PasswordField();
        again.textProperty().bindBidirectional(model.confirmationProperty());
        again.setAccessibleText(m.get("key.confirm.accessible"));
        Label passLabel = new Label(m.get("key.passphrase"));
        passLabel.setMnemonicParsing(true);
        passLabel.setLabelFor(pass);
        Label againLabel = new Label(m.get("key.confirm"));
        againLabel.setMnemonicParsing(true);
        againLabel.setLabelFor(again);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, fileLabel, new HBox(8, file, browse));
        grid.addRow(1, passLabel, pass);
        grid.addRow(2, againLabel, again);
        // The field column takes the page's width: a key path is long, and German labels are wide.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        pass.setMaxWidth(360);
        again.setMaxWidth(360);
        again.disableProperty().bind(model.reuseProperty());
        Label strength = Ui.hint("");
        strength.textProperty().bind(model.strengthProperty());
        VBox sshBox = new VBox(14, new VBox(6, create, reuse), grid, strength, Ui.hint(m.get("key.explain")));
        sshBox.visibleProperty().bind(model.httpsProperty().not());
        sshBox.managedProperty().bind(sshBox.visibleProperty());
        Label httpsText = Ui.text(m.get("key.https"));
        httpsText.visibleProperty().bind(model.httpsProperty());
        httpsText.managedProperty().bind(httpsText.visibleProperty());
        view = Ui.page(Ui.title(m.get("key.title")), sshBox, httpsText);
    }

    @Override
    public String titleKey() {
        return "step.key";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.validProperty();
    }

    @Override
    public ObservableBooleanValue busy() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        model.prepare();
    }

    @Override
    public void committed() {
        model.commit();
    }

    @Override
    public Node firstFocus() {
        return create;
    }
}
