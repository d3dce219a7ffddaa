package org.gitlabaccess.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;

/** One step of the wizard: a view over its view model, and whether Next is allowed. */
interface WizardPage {
    /** Resource key of the step's name in the step list. */
    String titleKey();

    Parent view();

    ObservableBooleanValue canGoNext();

    /** Background work in progress: the buttons wait, Cancel stops it. */
    ObservableBooleanValue busy();

    /** Called each time the page is shown. */
    default void entered() {
    }

    /** Called when the user leaves it forward (Next). */
    default void committed() {
    }

    /** Stops background work (Cancel while busy). */
    default void cancelWork() {
    }

    /** The control that should have the keyboard focus when the page opens. */
    default javafx.scene.Node firstFocus() {
        return null;
    }
}
