package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javafx.css.CssParser;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

class WizardStyleTest {
    private static final Pattern URL_BASE = Pattern.compile("<value>((file|jar):[^<]*/)?[\\w.-]+\\.[bc]ss</value>");

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
     * The wizard's theme is the build's cut of AtlantaFX's Primer (ThemeSubset), in JavaFX's binary form:
     * the theme's rules in its order, less those whose every selector names a class the wizard never shows.
     */
    @Test
    void theThemeIsPrimerLessTheRulesForClassesTheWizardDoesNotShow() throws Exception {
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            String resource = theme.getUserAgentStylesheet();
            String name = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".css".length());
            Stylesheet whole = new CssParser().parse(Theme.class.getResource(resource));
            int all = whole.getRules().size();
            whole.getRules().removeIf(rule -> rule.getSelectors().stream().allMatch(WizardStyleTest::namesUnusedClass));
            URL bss = WizardStyle.class.getResource(name + ".bss");
            assertThat(bss).as("made by the build (pom.xml: theme-subset, binary-stylesheets)").isNotNull();
            assertThat(rules(Stylesheet.loadBinary(bss))).isEqualTo(rules(whole)).hasSizeLessThan(all / 3)
                    .anyMatch(rule -> rule.startsWith("[*.button]"))
                    .noneMatch(rule -> rule.contains(".date-picker") || rule.contains(".title-1"));
        }
    }

    /** The binary forms name no directory of the machine that built them: two checkouts build the same jar. */
    @Test
    void theBinaryStylesheetsHoldNoBuildPath() throws Exception {
        for (String name : List.of("wizard.bss", "primer-light.bss", "primer-dark.bss")) {
            byte[] bytes = WizardStyle.class.getResourceAsStream(name).readAllBytes();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(name).doesNotContain("file:")
                    .doesNotContain(Path.of("").toAbsolutePath().toString());
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
