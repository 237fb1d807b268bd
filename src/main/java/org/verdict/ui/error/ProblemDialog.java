package org.verdict.ui.error;

import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.verdict.ui.theme.OwnerLook;

/**
 * Every error a user can meet ends here: what happened (header), what to do (content), and the full details in
 * an expandable area with a button that copies them for a bug report or a colleague.
 */
public final class ProblemDialog {
    public static final String DIALOG_ID = "problemDialog";

    private final ResourceBundle text;

    public ProblemDialog(ResourceBundle text) {
        this.text = text;
    }

    /** Shows the dialog without blocking the caller; returns it so callers (and tests) can inspect it. */
    public Alert show(Window owner, String whatHappened, String whatToDo, String details) {
        return show(owner, whatHappened, whatToDo, details, null, null);
    }

    /**
     * The same with a way forward beside OK (e.g. "Open with a higher limit…"), its button {@code problemAction};
     * {@code action} runs, on the FX thread, when it is chosen. A null {@code actionLabel} shows OK alone.
     */
    public Alert show(Window owner, String whatHappened, String whatToDo, String details, String actionLabel,
                      Runnable action) {
        Alert alert = OwnerLook.ownedBy(new Alert(Alert.AlertType.ERROR), owner);
        alert.setTitle(text.getString("problem.title"));
        alert.setHeaderText(whatHappened);
        alert.setContentText(whatToDo);
        alert.getDialogPane().setId(DIALOG_ID);

        TextArea detailArea = new TextArea(details);
        detailArea.setId("problemDetails");
        detailArea.setEditable(false);
        detailArea.setWrapText(true);
        detailArea.setPrefRowCount(12);
        VBox.setVgrow(detailArea, Priority.ALWAYS);
        Button copy = new Button(text.getString("problem.copyDetails"));
        copy.setId("problemCopyDetails");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
        });
        alert.getDialogPane().setExpandableContent(new VBox(8, detailArea, copy));
        alert.setResizable(true);
        if (actionLabel != null) {
            ButtonType forward = new ButtonType(actionLabel, ButtonBar.ButtonData.OTHER);
            alert.getButtonTypes().add(0, forward);
            alert.getDialogPane().lookupButton(forward).setId("problemAction");
            alert.resultProperty().addListener((obs, old, chosen) -> {
                if (chosen == forward) {
                    action.run();
                }
            });
        }
        alert.show();
        return alert;
    }
}
