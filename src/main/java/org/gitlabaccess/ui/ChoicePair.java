package org.gitlabaccess.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

/** Two radio buttons in one group that show a yes/no choice of the model: the second is selected when it is true. */
record ChoicePair(RadioButton first, RadioButton second) {
    static ChoicePair of(String first, String second, BooleanProperty secondChosen) {
        ToggleGroup group = new ToggleGroup();
        RadioButton a = Ui.choice(first, group);
        RadioButton b = Ui.choice(second, group);
        a.setSelected(!secondChosen.get());
        // The group deselects the other button, so binding the second alone keeps both in step with the model.
        b.selectedProperty().bindBidirectional(secondChosen);
        // The model choosing the first: the group never selects a button by itself.
        secondChosen.addListener((o, was, now) -> a.setSelected(!now));
        return new ChoicePair(a, b);
    }
}
