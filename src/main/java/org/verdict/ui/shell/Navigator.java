package org.verdict.ui.shell;

/** Lets a view bring another into front, e.g. a gate linking to its evidence view. */
@FunctionalInterface
public interface Navigator {
    /** Shows the view with the given {@link PackView#id()}; unknown ids are a programming error. */
    void show(String viewId);
}
