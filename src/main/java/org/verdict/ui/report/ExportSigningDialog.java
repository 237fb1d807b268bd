package org.verdict.ui.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.ui.shell.PathDialog;
import org.verdict.ui.theme.OwnerLook;

/**
 * Asked before an approval pack is written: sign it with a key file, as {@code report --key} does (SHA256SUMS.sig,
 * and the document and VERIFY.md name the signer), or export it unsigned. Sign and export stays disabled until a key
 * file and its passphrase are given.
 */
public final class ExportSigningDialog {
    public static final String DIALOG_ID = "exportSigning";

    private final ResourceBundle text;
    private final PathDialog paths;

    /** @param paths asks for the key file when Browse… is pressed */
    public ExportSigningDialog(ResourceBundle text, PathDialog paths) {
        this.text = text;
        this.paths = paths;
    }

    /** Shows the dialog and waits; empty when the export is cancelled. */
    public Optional<ExportSigning> choose(Window owner, Path suggestedKey) {
        return build(owner, suggestedKey).showAndWait().orElse(Optional.empty());
    }

    /** The dialog, not shown: its result is the choice, or empty for Cancel. */
    Dialog<Optional<ExportSigning>> build(Window owner, Path suggestedKey) {
        Dialog<Optional<ExportSigning>> dialog = OwnerLook.ownedBy(new Dialog<>(), owner);
        dialog.setTitle(text.getString("export.sign.title"));
        dialog.setHeaderText(text.getString("export.sign.header"));
        TextField keyFile = new TextField(suggestedKey == null ? "" : suggestedKey.toString());
        keyFile.setId("exportKeyFile");
        keyFile.setPromptText(text.getString("export.sign.keyFile"));
        Button browse = new Button(text.getString("export.sign.browse"));
        browse.setId("exportKeyBrowse");
        browse.setOnAction(e -> paths.askForFile(dialog.getDialogPane().getScene().getWindow(),
                        text.getString("export.sign.keyFile"), null,
                        new FileChooser.ExtensionFilter(text.getString("export.sign.keyFiles"), "*.key.json"))
                .ifPresent(path -> keyFile.setText(path.toString())));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("exportPassphrase");
        passphrase.setPromptText(text.getString("export.sign.passphrase"));
        Label explanation = new Label(text.getString("export.sign.explanation"));
        explanation.setWrapText(true);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        VBox content = new VBox(8, explanation, new HBox(8, keyFile, browse), passphrase);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(DIALOG_ID);
        ButtonType sign = new ButtonType(text.getString("export.sign.sign"), ButtonBar.ButtonData.OK_DONE);
        ButtonType unsigned = new ButtonType(text.getString("export.sign.unsigned"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().setAll(sign, unsigned, ButtonType.CANCEL);
        Button signButton = (Button) dialog.getDialogPane().lookupButton(sign);
        signButton.setId("exportSign");
        signButton.disableProperty().bind(keyFile.textProperty().isEmpty().or(passphrase.textProperty().isEmpty()));
        dialog.getDialogPane().lookupButton(unsigned).setId("exportUnsigned");
        dialog.setResultConverter(button -> {
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            if (button == sign) {
                return Optional.of(new ExportSigning(Path.of(keyFile.getText().strip()), secret));
            }
            java.util.Arrays.fill(secret, '\0');
            return button == unsigned ? Optional.of(ExportSigning.UNSIGNED) : Optional.empty();
        });
        return dialog;
    }
}
