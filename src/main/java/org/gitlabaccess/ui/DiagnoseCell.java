package org.gitlabaccess.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.FixRunner;
import org.gitlabaccess.core.doctor.Remedy;

/**
 * One check on the Diagnose page: its status and sentence, then what the wizard can do about it: a
 * Fix button for an automatic fix, the step (or page) that does it for a manual one, never a
 * command to type.
 */
final class DiagnoseCell extends ListCell<CheckResult> {
    private final Messages m;
    private final ListView<CheckResult> list;
    private final ObservableBooleanValue busy;
    private final Function<CheckResult, String> consent;
    private final Consumer<CheckResult> onFix;
    private final Consumer<Remedy> onRemedy;

    DiagnoseCell(Messages m, ListView<CheckResult> list, ObservableBooleanValue busy,
                 Function<CheckResult, String> consent, Consumer<CheckResult> onFix, Consumer<Remedy> onRemedy) {
        this.m = m;
        this.list = list;
        this.busy = busy;
        this.consent = consent;
        this.onFix = onFix;
        this.onRemedy = onRemedy;
        setPrefWidth(0); // the list's width, not the unwrapped text's: no horizontal scroll bar
    }

    /** The check's name in the wizard's words. */
    static String name(Messages m, CheckResult r) {
        return m.get(r.id().messageKey());
    }

    /** The status line, as the list shows it beside the status icon. */
    static String heading(Messages m, CheckResult r) {
        return name(m, r) + ": " + r.summary();
    }

    @Override
    protected void updateItem(CheckResult r, boolean empty) {
        super.updateItem(r, empty);
        setText(null);
        if (empty || r == null) {
            setGraphic(null);
            return;
        }
        Label head = wrapped(new Label(heading(m, r)));
        Icons.Kind kind = Icons.Kind.of(r.status());
        head.getStyleClass().add("status-" + kind.id());
        VBox box = new VBox(4, head);
        if (r.status() != CheckStatus.OK && r.fix() != null) {
            if (FixRunner.fixable(r)) {
                box.getChildren().addAll(wrapped(Ui.hint(m.get("diagnose.fix.offer", consent.apply(r)))),
                        button(m.get("diagnose.fix.button"), m.get("diagnose.fix.button.accessible", name(m, r)),
                                () -> onFix.accept(r)));
            } else {
                addRemedy(box, r);
            }
        }
        Node icon = Icons.of(kind, m);
        HBox row = new HBox(8, icon, box);
        row.getStyleClass().add("status-line");
        setGraphic(row);
        setAccessibleText(icon.getAccessibleText() + ": " + head.getText());
    }

    private void addRemedy(VBox box, CheckResult r) {
        Remedy remedy = r.fix().remedy();
        String key = "diagnose.remedy." + WireId.of(remedy.kind());
        boolean ownWords = remedy.kind() != Remedy.Kind.NONE && remedy.kind() != Remedy.Kind.OPEN_PAGE;
        // A page to open and nothing-to-take-you-to keep the fix's sentence: it says what to do.
        box.getChildren().add(wrapped(Ui.hint(ownWords ? m.get(key + ".hint") : m.get("diagnose.fix",
                r.fix().description()))));
        if (remedy.kind() != Remedy.Kind.NONE) {
            box.getChildren().add(button(m.get(key), m.get(key) + " " + name(m, r), () -> onRemedy.accept(remedy)));
        }
    }

    private Button button(String text, String accessible, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(false); // one per row: a mnemonic would be ambiguous
        b.setAccessibleText(accessible);
        b.disableProperty().bind(busy);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A label that wraps at the list's width. */
    private Label wrapped(Label l) {
        l.setWrapText(true);
        l.maxWidthProperty().bind(list.widthProperty().subtract(30));
        return l;
    }
}
