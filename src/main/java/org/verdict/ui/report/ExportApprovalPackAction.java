package org.verdict.ui.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.SampledProgress;

/**
 * File → Export approval pack…: asks for a folder, writes approval-pack.html and approval-pack.pdf in the
 * background with its progress (and Cancel) in the status bar, then says where the files are. A cancelled or
 * failed export writes nothing.
 */
public final class ExportApprovalPackAction {
    public static final String ID = "exportApprovalPack";
    public static final String WRITTEN_DIALOG_ID = "approvalPackWritten";

    private final ApprovalPackExport export;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final ProblemDialog problems;
    private final Supplier<Window> owner;
    private final Function<Window, Optional<Path>> folderChooser;
    private final Supplier<String> selectedCandidate;
    private final Supplier<Path> decisionStore;

    /**
     * @param folderChooser asks where to write; empty when the user cancels
     * @param selectedCandidate the candidate the user is comparing, or null for the pack's first
     * @param decisionStore the decision log the app records into; its records about the pack are included when
     *                      the file exists
     */
    public ExportApprovalPackAction(ApprovalPackExport export, BackgroundExecutor executor, ActivityMonitor activity,
                                    ProblemDialog problems, Supplier<Window> owner,
                                    Function<Window, Optional<Path>> folderChooser,
                                    Supplier<String> selectedCandidate, Supplier<Path> decisionStore) {
        this.export = export;
        this.executor = executor;
        this.activity = activity;
        this.problems = problems;
        this.owner = owner;
        this.folderChooser = folderChooser;
        this.selectedCandidate = selectedCandidate;
        this.decisionStore = decisionStore;
    }

    /** The File-menu entry (Ctrl/Cmd+E), enabled while a pack is open. */
    public PackAction packAction() {
        return new PackAction(ID, "Export approval pack…",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::chooseFolderAndExport);
    }

    private void chooseFolderAndExport(ReviewPack pack) {
        folderChooser.apply(owner.get()).ifPresent(folder -> exportTo(pack, folder));
    }

    /** Starts the export; the returned progress is the one the status bar shows and cancels. */
    public SampledProgress exportTo(ReviewPack pack, Path folder) {
        String candidate = selectedCandidate.get();
        Path store = decisionStore.get();
        Path decisionLog = store != null && Files.exists(store) ? store : null;
        return executor.<List<Path>>run(progress -> export.export(pack, candidate, decisionLog, folder, progress))
                .showProgressIn(activity, "Exporting the approval pack")
                .onSuccess(this::showWritten)
                .onError(failure -> problems.show(owner.get(), "The approval pack was not written.",
                        "Nothing was written. Check that the folder is writable and the pack is intact, then try "
                                + "again.", String.valueOf(failure.getMessage())))
                .start();
    }

    private void showWritten(List<Path> files) {
        Alert written = new Alert(Alert.AlertType.INFORMATION);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            written.initOwner(window);
        }
        written.setTitle("Approval pack written");
        written.setHeaderText("Approval pack written to " + files.get(0).getParent());
        written.setContentText(String.join("\n", files.stream().map(f -> f.getFileName().toString()).toList())
                + "\n\nThe HTML opens in any browser, offline; the PDF has a table of contents and page numbers.");
        written.getDialogPane().setId(WRITTEN_DIALOG_ID);
        written.show();
    }
}
