package org.gitlabaccess.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;

/** Step 7: every change listed before anything is written. */
final class ReviewPage extends StepPage {
    static final String TITLE = "step.review";
    private final ReviewViewModel model;
    private final ListView<String> list;

    ReviewPage(Messages m, ReviewViewModel model) {
        super(m, TITLE);
        this.model = model;
        list = new ListView<>(model.lines());
        list.setAccessibleText(m.get("review.list.accessible"));
        list.setCellFactory(Ui::wrappingCell);
        CheckBox revoke = new CheckBox(m.get("review.revoke"));
        revoke.setMnemonicParsing(true);
        revoke.visibleProperty().bind(model.revokeOfferedProperty());
        revoke.managedProperty().bind(revoke.visibleProperty());
        revoke.selectedProperty().bindBidirectional(model.revokeProperty());
        layout(m.get("review.title"), Ui.subtitle(m.get("review.explain")),
                Ui.masked(list, model.loadingProperty(), new ReadOnlyStringWrapper(m.get("review.planning"))),
                revoke, Ui.problem(model.errorProperty(), m));
        focusFirst(() -> list);
        new SshHostDialog(m).askWhenPending(model.foreignSshHostProperty(), view(), model::useSshHost,
                model::declineSshHost);
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
}
