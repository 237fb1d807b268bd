package org.verdict.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.ui.files.PathField;
import org.verdict.ui.files.SystemChooser;
import org.verdict.ui.theme.OwnerLook;

/**
 * Asks for a file or folder in a dialog of its own: a {@link PathField} with Browse… for the system's chooser, which
 * under a plain X session without a desktop portal can come up blank or fail; the field still works.
 */
public final class PathDialog {
    private final ResourceBundle text;

    public PathDialog(ResourceBundle text) {
        this.text = text;
    }

    /** Shows the dialog and waits: the path typed or browsed to, or empty when cancelled. */
    public Optional<Path> ask(Window owner, String title, Path initial, SystemChooser browser) {
        return dialog(owner, title, initial, browser).showAndWait();
    }

    /**
     * Asks for a file to open: the path field, with Browse… for the system's open dialog showing {@code filters}.
     */
    public Optional<Path> askForFile(Window owner, String title, Path initial, FileChooser.ExtensionFilter... filters) {
        return ask(owner, title, initial, SystemChooser.openFile(title, filters));
    }

    /** The dialog, not shown yet. */
    public Dialog<Path> dialog(Window owner, String title, Path initial, SystemChooser browser) {
        Dialog<Path> dialog = OwnerLook.ownedBy(new Dialog<>(), owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        PathField path = new PathField("pathField", text.getString("path.chooserUnavailable"))
                .browse("pathBrowse", text.getString("path.browse"), browser);
        TextField field = path.field();
        field.setText(initial == null ? "" : initial.toString());
        field.setPrefColumnCount(40);
        path.note().setId("pathProblem");
        Label hint = new Label(text.getString("path.hint"));
        hint.getStyleClass().add("hint");
        // one line, the dialog as wide as it: wrapped, it was given one line's height beside a narrower path row and
        // ended "… for the system's file …"
        hint.setMinWidth(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, path.row(), hint, path.note());
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(text.getString("path.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == ok ? path.pathProperty().get() : null);
        // Focus goes to the path, all of it selected, so typing replaces a suggested folder. The button bar gives its
        // default button (OK) the focus while it lays out the dialog, so the field asks for it after that pass; with
        // an empty field OK was disabled and could not take it, which is why only prefilled dialogs lost the focus.
        dialog.setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
        return dialog;
    }
}
