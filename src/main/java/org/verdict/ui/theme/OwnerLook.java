package org.verdict.ui.theme;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Every window the app opens over another (error and information dialogs, path and summarize dialogs, the
 * decision form) wears the app's look ({@link Appearance#style}) in its owner's theme and text size, which it reads
 * from the owner's scene root. The look follows the owner while the window is open, so switching large text with a
 * non-modal dialog open resizes both.
 */
public final class OwnerLook {
    private OwnerLook() {
    }

    /**
     * Makes {@code owner} the dialog's owner and gives the dialog its look; an owner that is not on screen (a
     * start-up failure, a test without a stage) leaves the dialog unowned in the default look.
     */
    public static <D extends Dialog<?>> D ownedBy(D dialog, Window owner) {
        if (owner != null && owner.isShowing() && owner.getScene() != null) {
            dialog.initOwner(owner);
            follow(owner, dialog.getDialogPane().getScene());
        }
        return dialog;
    }

    /**
     * Gives {@code opened} (a scene shown over {@code owner}) the app's look in the owner's theme and text size, and
     * keeps it in step while open.
     */
    public static void follow(Window owner, Scene opened) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        Parent ownerRoot = owner.getScene().getRoot();
        Parent root = opened.getRoot();
        ListChangeListener<String> mirror = change -> styleLike(ownerRoot, root);
        styleLike(ownerRoot, root);
        ownerRoot.getStyleClass().addListener(mirror);
        // the owner outlives its dialogs: stop mirroring once the dialog is closed so it can be collected
        Window window = opened.getWindow();
        if (window != null) {
            window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> ownerRoot.getStyleClass().removeListener(mirror));
        }
    }

    private static void styleLike(Parent owner, Parent root) {
        Appearance.style(root, owner.getStyleClass().contains(Appearance.DARK_STYLE_CLASS),
                owner.getStyleClass().contains(Appearance.LARGE_TEXT_STYLE_CLASS));
    }
}
