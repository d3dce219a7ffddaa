package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

class WizardStyleTest {
    /** JavaFX loads wizard.bss in place of wizard.css when there is one: the build makes it, from the same text. */
    @Test
    void theBinaryStylesheetSaysWhatWizardCssSays() throws Exception {
        URL css = WizardStyle.class.getResource("wizard.css");
        URL bss = WizardStyle.class.getResource("wizard.bss");
        assertThat(bss).as("made by the build (pom.xml: binary-stylesheets)").isNotNull();
        Stylesheet parsed = new CssParser().parse(css);
        Stylesheet binary = Stylesheet.loadBinary(bss);
        assertThat(rules(binary)).isEqualTo(rules(parsed)).isNotEmpty();
    }

    /** Each rule's selectors and declarations, one a line. */
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue()).toList()).toList();
    }
}
