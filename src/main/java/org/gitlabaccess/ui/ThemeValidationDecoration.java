package org.gitlabaccess.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * ControlsFX's validation shown the theme's way, on the field itself: AtlantaFX's danger state (its
 * red border) and the problem as the tooltip. ControlsFX's own decorations would put a pane of theirs
 * in place of the scene's root, which the wizard finds its window by.
 */
final class ThemeValidationDecoration implements ValidationDecoration {
    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        target.setTooltip(null);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control target = message.getTarget();
        target.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
        target.setTooltip(new Tooltip(message.getText()));
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // No field is marked as required: Next stays disabled until the page is complete.
    }
}
