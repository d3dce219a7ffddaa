package org.gitlabaccess.ui;

import java.util.Locale;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.setup.StepStatus;

/**
 * The wizard's icons: shapes drawn on a 16-unit grid and scaled as vectors, so they stay sharp at
 * any screen scale. Each is a coloured base with a mark stroked over it; wizard.css gives the colours
 * from the theme, so light and dark need nothing else. Screen readers hear the icon's name.
 */
final class Icons {
    /** The size of a dialog's icon, beside its header. */
    static final double DIALOG = 36;
    private static final double GRID = 16;
    private static final String DISC = "M8 1a7 7 0 1 0 0 14a7 7 0 1 0 0-14z";
    private static final String TRIANGLE = "M8 1.2L15.2 14.2H0.8z";
    private static final String RING = "M8 2a6 6 0 1 0 0 12a6 6 0 1 0 0-12z";

    enum Kind {
        OK(DISC, "M4.6 8.3l2.3 2.3 4.5-4.9"),
        WARN(TRIANGLE, "M8 6v3.6M8 11.9v0.1"),
        FAIL(DISC, "M5.5 5.5l5 5M10.5 5.5l-5 5"),
        SKIP(DISC, "M5 8h6"),
        STEP_DONE(DISC, "M4.6 8.3l2.3 2.3 4.5-4.9"),
        STEP_CURRENT(DISC, "M8 6.2a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6z"),
        STEP_TODO(RING, ""),
        QUESTION(DISC, "M6 6.1a2 2 0 1 1 2.7 1.9c-0.5 0.2-0.7 0.6-0.7 1.1v0.4M8 11.8v0.1");

        private final String base;
        private final String mark;

        Kind(String base, String mark) {
            this.base = base;
            this.mark = mark;
        }

        /** The name in the style class and in the accessible text's key: {@code step-done}. */
        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(CheckStatus status) {
            return switch (status) {
                case OK -> OK;
                case WARN -> WARN;
                case FAIL -> FAIL;
                case SKIP -> SKIP;
            };
        }

        static Kind of(StepStatus status) {
            return switch (status) {
                case CHANGED, UNCHANGED -> OK;
                case SKIPPED -> SKIP;
                case FAILED -> FAIL;
            };
        }
    }

    private Icons() {
    }

    /** The icon at text size. */
    static Node of(Kind kind, Messages m) {
        return of(kind, m, GRID);
    }

    /** The icon {@code size} pixels wide and high (before the screen's scale). */
    static Node of(Kind kind, Messages m, double size) {
        Pane icon = new Pane(shape(kind.base, "icon-base", size));
        if (!kind.mark.isEmpty()) {
            icon.getChildren().add(shape(kind.mark, "icon-mark", size));
        }
        icon.getStyleClass().addAll("icon", "icon-" + kind.id());
        icon.setMinSize(size, size);
        icon.setPrefSize(size, size);
        icon.setMaxSize(size, size);
        icon.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        icon.setAccessibleText(m.get("icon." + kind.id()));
        return icon;
    }

    private static SVGPath shape(String path, String styleClass, double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add(styleClass);
        shape.getTransforms().add(new Scale(size / GRID, size / GRID, 0, 0));
        return shape;
    }
}
