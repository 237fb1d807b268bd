package org.verdict.ui.theme;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
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
        usableWithoutWindowManager(dialog);
        return dialog;
    }

    /** The style class of a dialog's pane that draws its frame (verdict.css). */
    public static final String FRAMED = "framed-dialog";

    /**
     * Under X without a window manager (a bare Xvfb, a kiosk session) JavaFX's decorated dialog gets no title bar, no
     * border and no keyboard focus: it lies flat on the window it covers, and Escape and Enter go to that window.
     * So the dialog draws a frame of its own, shows its title as its header when it has none (the header is the title
     * inside the dialog), is centred over its owner at its shown size, takes the focus, and closes with Escape (its Cancel, or its one button; JavaFX
     * binds Escape only to a Cancel). Under a window manager the frame is a 1 px line inside the manager's.
     */
    private static void usableWithoutWindowManager(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add(FRAMED);
        // as tall as its text with the frame's padding: sized before the look applied it, an Alert cut its last line
        pane.setMinHeight(Region.USE_PREF_SIZE);
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWING, e -> {
            if (pane.getHeaderText() == null || pane.getHeaderText().isBlank()) {
                pane.setHeaderText(dialog.getTitle());
            }
        });
        Window window = pane.getScene().getWindow();
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            // JavaFX centres the dialog by its size before the app's look widened it (31 px left of centre on a
            // 900 px owner): centred again at its shown size
            Window owner = dialog.getOwner();
            if (owner != null) {
                window.setX(owner.getX() + (owner.getWidth() - window.getWidth()) / 2);
                window.setY(owner.getY() + Math.max(0, (owner.getHeight() - window.getHeight()) / 2));
            }
            // once mapped: asked while the window is still being shown, X refuses the focus to a window not viewable
            Platform.runLater(window::requestFocus);
        });
        pane.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() != KeyCode.ESCAPE
                    || pane.getButtonTypes().stream().anyMatch(type -> type.getButtonData().isCancelButton())) {
                return; // JavaFX's Cancel takes it
            }
            if (pane.getButtonTypes().size() == 1
                    && pane.lookupButton(pane.getButtonTypes().get(0)) instanceof Button only) {
                only.fire();
                key.consume();
            }
        });
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
