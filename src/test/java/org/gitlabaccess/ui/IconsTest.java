package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.setup.StepStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The icons are vector shapes of the asked size, each named for screen readers in the wizard's language. */
@ExtendWith(ApplicationExtension.class)
class IconsTest {
    private ListView<String> list;

    @Start
    void start(Stage stage) {
        Messages m = new Messages(Locale.ENGLISH);
        list = new ListView<>();
        list.setCellFactory(v -> Ui.statusCell(list, m, s -> new Ui.StatusLine(Icons.Kind.FAIL, s, "a hint")));
        stage.setScene(new Scene(list, 400, 200));
        stage.show();
    }

    @Test
    void everyIconIsAVectorShapeWithANameInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Messages m = new Messages(locale);
            for (Icons.Kind kind : Icons.Kind.values()) {
                Node icon = Icons.of(kind, m, 32);
                assertThat(icon.getAccessibleRole()).isEqualTo(AccessibleRole.IMAGE_VIEW);
                assertThat(icon.getAccessibleText()).as(kind + " " + locale).isEqualTo(m.get("icon." + kind.id()))
                        .isNotBlank();
                assertThat(((Region) icon).getPrefWidth()).isEqualTo(32);
                assertThat(((Region) icon).getChildrenUnmodifiable()).isNotEmpty()
                        .allSatisfy(shape -> assertThat(shape).isInstanceOf(SVGPath.class));
            }
        }
        assertThat(new Messages(Locale.GERMAN).get("icon.fail")).isEqualTo("Fehlgeschlagen");
    }

    @Test
    void statusesMapToTheirIcons() {
        assertThat(Icons.Kind.of(CheckStatus.OK)).isEqualTo(Icons.Kind.OK);
        assertThat(Icons.Kind.of(CheckStatus.WARN)).isEqualTo(Icons.Kind.WARN);
        assertThat(Icons.Kind.of(CheckStatus.FAIL)).isEqualTo(Icons.Kind.FAIL);
        assertThat(Icons.Kind.of(CheckStatus.SKIP)).isEqualTo(Icons.Kind.SKIP);
        assertThat(Icons.Kind.of(StepStatus.CHANGED)).isEqualTo(Icons.Kind.OK);
        assertThat(Icons.Kind.of(StepStatus.UNCHANGED)).isEqualTo(Icons.Kind.OK);
        assertThat(Icons.Kind.of(StepStatus.SKIPPED)).isEqualTo(Icons.Kind.SKIP);
        assertThat(Icons.Kind.of(StepStatus.FAILED)).isEqualTo(Icons.Kind.FAIL);
    }

    @Test
    void aStatusRowIsReadAsItsIconsNameAndItsHeading(FxRobot robot) {
        robot.interact(() -> list.getItems().setAll("SSH port: closed"));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow();
        assertThat(cell.getAccessibleText()).isEqualTo("Failed: SSH port: closed");
        assertThat(cell.getGraphic().lookup(".icon-fail")).isNotNull();
    }
}
