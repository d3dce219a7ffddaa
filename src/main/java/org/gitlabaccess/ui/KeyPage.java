package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 5: create a key (passphrase + confirmation, with a strength hint) or reuse one. */
final class KeyPage extends StepPage {
    static final String TITLE = "step.key";
    private final KeyViewModel model;

    KeyPage(Messages m, KeyViewModel model) {
        super(m, TITLE);
        this.model = model;
        ChoicePair choice = ChoicePair.of(m.get("key.create"), m.get("key.reuse"), model.reuseProperty());
        RadioButton create = choice.first();
        RadioButton reuse = choice.second();

        TextField file = new TextField();
        file.textProperty().bindBidirectional(model.fileProperty());
        file.setAccessibleText(m.get("key.file.accessible"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(m.get("key.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(m.get("key.browse.title"));
            var chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                model.fileProperty().set(chosen.getAbsolutePath());
            }
        });

        PasswordField pass = new PasswordField();
        pass.textProperty().bindBidirectional(model.passphraseProperty());
        pass.setAccessibleText(m.get("key.passphrase.accessible"));
        PasswordField again = new PasswordField();
        again.textProperty().bindBidirectional(model.confirmationProperty());
        again.setAccessibleText(m.get("key.confirm.accessible"));
        again.disableProperty().bind(model.reuseProperty());
        // Wrong only once the confirmation is being typed, not while the first field is.
        Ui.flagWhen(again, Bindings.createStringBinding(() -> model.reuseProperty().get()
                || model.confirmationProperty().get().isEmpty()
                || model.confirmationProperty().get().equals(model.passphraseProperty().get()) ? ""
                : m.get("key.passphrase.mismatch"), model.reuseProperty(), model.passphraseProperty(),
                model.confirmationProperty()));
        pass.setMaxWidth(360);
        again.setMaxWidth(360);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.addRow(0, Ui.fieldLabel(m.get("key.file"), file), Ui.fieldRow(file, browse));
        grid.addRow(1, Ui.fieldLabel(m.get("key.passphrase"), pass), pass);
        grid.addRow(2, Ui.fieldLabel(m.get("key.confirm"), again), again);
        // The field column takes the page's width: a key path is long, and German labels are wide.
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), fields);

        VBox choices = new VBox(create, reuse);
        choices.getStyleClass().add("choices");
        VBox sshBox = new VBox(choices, grid, Ui.hint(model.strengthProperty()), Ui.hint(m.get("key.explain")));
        sshBox.getStyleClass().add("section");
        sshBox.visibleProperty().bind(model.httpsProperty().not());
        sshBox.managedProperty().bind(sshBox.visibleProperty());
        Label httpsText = Ui.text(m.get("key.https"));
        httpsText.visibleProperty().bind(model.httpsProperty());
        httpsText.managedProperty().bind(httpsText.visibleProperty());
        layout(Bindings.when(model.httpsProperty()).then(m.get("key.title.https")).otherwise(m.get("key.title")),
                sshBox, httpsText);
        focusFirst(() -> create);
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.validProperty();
    }

    @Override
    public void entered() {
        model.prepare();
    }

    @Override
    public void committed() {
        model.commit();
    }
}
