package org.gitlabaccess.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 7: every change listed before anything is written. */
final class ReviewPage implements WizardPage {
    private final ReviewViewModel model;
    private final ListView<String> list;
    private final VBox view;

    ReviewPage(Messages m, ReviewViewModel model) {
        this.model = model;
        list = new ListView<>(model.lines());
        CheckBox revoke = new CheckBox(m.get("review.revoke"));
        revoke.setMnemonicParsing(true);
        revoke.visibleProperty().bind(model.revokeOfferedProperty());
        revoke.selectedProperty().bindBidirectional(model.revokeProperty());
        list.setAccessibleText(m.get("review.list.accessible"));
        list.setCellFactory(Ui::wrappingCell);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label error = Ui.hint("");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        view = Ui.page(Ui.title(m.get("review.title")), Ui.text(m.get("review.explain")), list, revoke, error);
        new SshHostDialog(m).askWhenPending(model.foreignSshHostProperty(), view, model::useSshHost,
                model::declineSshHost);
    }

    @Override
    public String titleKey() {
        return "step.review";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return model.readyProperty();
    }

    @Override
    public ObservableBooleanValue busy() {
        return model.loadingProperty();
    }

    @Override
    public void entered() {
        model.plan();
    }

    @Override
    public void committed() {
        model.commit();
    }

    @Override
    public Node firstFocus() {
        return list;
    }
}
