package org.gitlabaccess.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;

/**
 * Build-time tool (pom.xml, before {@link BinaryStylesheets}): writes the part of AtlantaFX's Primer
 * themes the wizard can show into the given directory, under the themes' own file names, where
 * {@link WizardStyle} looks for them. A rule is left out when each of its selectors names a style
 * class that no node of the wizard carries ({@link #UNUSED}): such a rule can never match, so the look
 * is the theme's own, while JavaFX loads, indexes and matches about a fifth of the rules at start-up.
 * The rules are the theme's text, in its order, not copies kept here.
 */
public final class ThemeSubset {
    /**
     * Style classes of the controls the wizard does not use and of AtlantaFX's optional styles, which
     * its code never adds (ThemeSubsetTest checks every page and dialog for them).
     */
    static final Set<String> UNUSED = Set.of(
            // JavaFX controls the wizard has none of.
            "accordion", "titled-pane", "tab-pane", "split-pane", "menu-bar", "menu-button", "split-menu-button",
            "tool-bar", "choice-box", "combo-box", "combo-box-base", "combo-box-popup", "date-picker",
            "date-picker-popup", "color-picker", "color-palette", "color-palette-region", "custom-color-dialog",
            "slider", "pagination", "tree-view", "tree-cell", "tree-table-view", "text-area", "hyperlink",
            "html-editor", "choice-dialog", "text-input-dialog",
            "chart", "bar-chart", "stacked-bar-chart", "chart-bar", "chart-bubble", "chart-pie", "chart-pie-label",
            "chart-pie-label-line", "chart-symbol", "chart-line-symbol", "chart-area-symbol", "chart-series-line",
            "chart-series-area-line", "chart-series-area-fill", "area-legend-symbol", "bar-legend-symbol",
            "bubble-legend-symbol", "pie-legend-symbol",
            // AtlantaFX's own controls.
            "breadcrumbs", "calendar", "card", "custom-text-field", "message", "modal-box", "modal-pane",
            "notification", "popover", "progress-slider", "ring-progress-indicator", "tile", "tile-base",
            "toggle-switch", "bb-code",
            // AtlantaFX's optional styles (atlantafx.base.theme.Styles, Tweaks).
            "accent", "success", "danger", "flat", "button-outlined", "button-circle", "button-icon", "rounded",
            "small", "medium", "large", "dense", "striped", "bordered", "edge-to-edge", "alt-icon",
            "left-pill", "center-pill", "right-pill", "elevated-1", "elevated-2", "elevated-3", "elevated-4",
            "title-1", "title-2", "title-3", "title-4", "text-bold", "text-bolder", "text-caption", "text-italic",
            "text-lighter", "text-muted", "text-normal", "text-oblique", "text-on-emphasis", "text-small",
            "text-strikethrough", "text-subtle", "text-underlined", "arrows-on-left-horizontal",
            "arrows-on-left-vertical", "arrows-on-right-horizontal", "split-arrows-horizontal", "split-arrows-vertical",
            "bg-default", "bg-inset", "bg-subtle", "bg-accent-emphasis", "bg-accent-muted", "bg-accent-subtle",
            "bg-danger-emphasis", "bg-danger-muted", "bg-danger-subtle", "bg-neutral-emphasis",
            "bg-neutral-emphasis-plus", "bg-neutral-muted", "bg-neutral-subtle", "bg-success-emphasis",
            "bg-success-muted", "bg-success-subtle", "bg-warning-emphasis", "bg-warning-muted", "bg-warning-subtle",
            "border-default", "border-muted", "border-subtle");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    private ThemeSubset() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            String resource = theme.getUserAgentStylesheet();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Files.writeString(dir.resolve(name), subset(read(resource)), StandardCharsets.UTF_8);
        }
    }

    /** The rules of {@code css} that can match a node of the wizard, as written there and in its order. */
    static String subset(String css) {
        List<Rule> rules = new CssParser().parse(css).getRules();
        Matcher text = RULE.matcher(COMMENT.matcher(css).replaceAll(""));
        StringBuilder kept = new StringBuilder();
        List<Rule> expected = new ArrayList<>();
        for (Rule rule : rules) {
            if (!text.find()) {
                throw new IllegalStateException("the theme's text has fewer rules than JavaFX reads in it");
            }
            if (rule.getSelectors().stream().anyMatch(ThemeSubset::canMatch)) {
                kept.append(text.group(1).strip()).append(" {").append(text.group(2)).append("}\n");
                expected.add(rule);
            }
        }
        // The rules are cut from the text by their braces: JavaFX must read back exactly the rules kept.
        if (text.find() || !same(new CssParser().parse(kept.toString()), expected)) {
            throw new IllegalStateException("the theme's rules were not cut from its text as JavaFX reads them");
        }
        return kept.toString();
    }

    private static boolean canMatch(Selector selector) {
        List<SimpleSelector> parts = selector instanceof CompoundSelector compound ? compound.getSelectors()
                : List.of((SimpleSelector) selector);
        return parts.stream().noneMatch(part -> part.getStyleClasses().stream().anyMatch(UNUSED::contains));
    }

    private static boolean same(Stylesheet sheet, List<Rule> rules) {
        return sheet.getRules().stream().map(Rule::toString).toList()
                .equals(rules.stream().map(Rule::toString).toList());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in AtlantaFX");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
