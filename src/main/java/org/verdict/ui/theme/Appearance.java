package org.verdict.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * Light or dark theme (AtlantaFX Primer) and the projector-friendly large-text mode. Views and charts listen to
 * {@link #darkProperty()} and {@link #largeTextProperty()}; {@link #applyTo(Parent)} keeps a scene root in step.
 */
public final class Appearance {
    public static final String DARK_STYLE_CLASS = "theme-dark";
    public static final String LARGE_TEXT_STYLE_CLASS = "large-text";
    private static final String STYLESHEET = Appearance.class.getResource("/org/verdict/ui/verdict.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty largeText = new SimpleBooleanProperty();

    public Appearance(boolean dark, boolean largeText) {
        this.dark.set(dark);
        this.largeText.set(largeText);
        this.dark.addListener((obs, was, now) -> applyUserAgentStylesheet());
        applyUserAgentStylesheet();
    }

    private void applyUserAgentStylesheet() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Gives a root the app's look (see {@link #style}) and keeps its theme classes following the settings. */
    public void applyTo(Parent root) {
        Runnable update = () -> style(root, dark.get(), largeText.get());
        dark.addListener((obs, was, now) -> update.run());
        largeText.addListener((obs, was, now) -> {
            update.run();
            remeasureDropDowns(root);
        });
        update.run();
    }

    /**
     * JavaFX's ComboBox skin measures its list at least as wide as the box was last laid out, so a drop-down never
     * narrows by itself: widened by large text, Compare's Metric and Slices pickers stayed wide in normal text. Each
     * lets go of its width and its list's measure, and the next layout measures it afresh at the new text size.
     */
    private static void remeasureDropDowns(Parent root) {
        for (Node node : root.lookupAll(".combo-box")) {
            if (node instanceof ComboBox<?> dropDown) {
                dropDown.resize(0, dropDown.getHeight());
                if (dropDown.getSkin() instanceof ComboBoxListViewSkin<?> skin
                        && skin.getPopupContent() instanceof Parent list) {
                    list.requestLayout();
                }
                dropDown.requestLayout();
            }
        }
    }

    /**
     * The one place that gives a scene root the app's look: Verdict's stylesheet, the palette, and the dark theme and
     * large text (projector) size as asked. Can be called again whenever either changes.
     */
    static void style(Parent root, boolean dark, boolean largeText) {
        if (!root.getStylesheets().contains(STYLESHEET)) {
            root.getStylesheets().add(STYLESHEET);
        }
        root.setStyle(Palette.cssVariables());
        toggle(root.getStyleClass(), DARK_STYLE_CLASS, dark);
        toggle(root.getStyleClass(), LARGE_TEXT_STYLE_CLASS, largeText);
    }

    private static void toggle(ObservableList<String> classes, String styleClass, boolean on) {
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty largeTextProperty() {
        return largeText;
    }
}
