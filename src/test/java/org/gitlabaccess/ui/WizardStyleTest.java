package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import javafx.css.CssParser;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

class WizardStyleTest {
    private static final Pattern URL_BASE = Pattern.compile("<value>(file|jar):[^<]*\\.[bc]ss</value>");

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

    /**
     * The wizard's theme is the build's cut of AtlantaFX's Primer (ThemeSubset): the theme's rules in
     * its order, less those whose every selector names a class the wizard never shows. Text, not
     * JavaFX's binary form, which would keep the build directory's path (the base of its url()s).
     */
    @Test
    void theThemeIsPrimerLessTheRulesForClassesTheWizardDoesNotShow() throws Exception {
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            String resource = theme.getUserAgentStylesheet();
            String name = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".css".length());
            Stylesheet whole = new CssParser().parse(Theme.class.getResource(resource));
            int all = whole.getRules().size();
            whole.getRules().removeIf(rule -> rule.getSelectors().stream().allMatch(WizardStyleTest::namesUnusedClass));
            URL cut = WizardStyle.class.getResource(name + ".css");
            assertThat(cut).as("made by the build (pom.xml: theme-subset)").isNotNull();
            assertThat(WizardStyle.class.getResource(name + ".bss")).as("no binary form").isNull();
            assertThat(rules(new CssParser().parse(cut))).isEqualTo(rules(whole)).hasSizeLessThan(all / 3)
                    .anyMatch(rule -> rule.startsWith("[*.button]"))
                    .noneMatch(rule -> rule.contains(".date-picker") || rule.contains(".title-1"));
        }
    }

    private static boolean namesUnusedClass(Selector selector) {
        return ThemeSubset.UNUSED.stream()
                .anyMatch(unused -> selector.toString().matches(".*\\." + unused + "(?![\\w-]).*"));
    }

    /**
     * Each rule's selectors and declarations, one a line; without the file a url() was read beside
     * (its base), which differs between the theme, its cut and their binary forms.
     */
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + URL_BASE.matcher(d.getParsedValue().toString()).replaceAll(""))
                .toList()).toList();
    }
}
