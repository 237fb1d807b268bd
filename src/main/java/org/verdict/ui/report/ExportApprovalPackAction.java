package org.verdict.ui.report;

import java.nio.file.Files;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.task.Progress;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.gates.JudgedReviews;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.SampledProgress;
import org.verdict.ui.theme.OwnerLook;

/**
 * File → Export approval pack…: asks for a folder, asks before replacing an approval pack already there, asks whether
 * to sign the export with a key file (as {@code report --key}: the signature over SHA256SUMS names its signer), writes
 * approval-pack.html and approval-pack.pdf in the background with its progress (and Cancel) in the status bar, then
 * says where the files are. A cancelled or failed export writes nothing. When the Gates view has already judged the same pack and candidate, its review is
 * written as it is: judging again would repeat every comparison and bootstrap, the bulk of an export's time.
 */
public final class ExportApprovalPackAction {
    public static final String ID = "exportApprovalPack";
    public static final String WRITTEN_DIALOG_ID = "approvalPackWritten";
    public static final String REPLACE_DIALOG_ID = "replaceApprovalPack";

    /** Asks where to write the approval pack. */
    @FunctionalInterface
    public interface FolderChooser {
        /** @param suggested the folder proposed ({@link ApprovalPackFolder}); empty when the user cancels */
        Optional<Path> choose(Window owner, Path suggested);
    }

    /** Asks whether to sign the export, and with which key file; empty when the user cancels the export. */
    @FunctionalInterface
    public interface SigningChooser {
        /** @param suggestedKey the key file last signed with, proposed; null when there is none */
        Optional<ExportSigning> choose(Window owner, Path suggestedKey);
    }

    /** Writes an approval pack, judging the gates first or from a review already judged. */
    public interface Exporter {
        /** Judges the gates of {@code candidate} (null: the pack's first), then writes, signed by {@code signer}. */
        List<Path> judgeAndExport(ReviewPack pack, String candidate, Path decisionLog, TrustedSigners trustedSigners,
                                  SignerKey signer, Path folder, Progress progress) throws Exception;

        /** Writes {@code review} as it is, signed by {@code signer} (null: not signed). */
        List<Path> exportJudged(ReviewPack pack, CandidateReview review, Path decisionLog,
                                TrustedSigners trustedSigners, SignerKey signer, Path folder, Progress progress)
                throws Exception;

        /** The app's exporter: the CLI's {@code report}, signed as {@code report --key} signs. */
        static Exporter of(ApprovalPackExport export) {
            return new Exporter() {
                @Override
                public List<Path> judgeAndExport(ReviewPack pack, String candidate, Path decisionLog,
                                                 TrustedSigners trustedSigners, SignerKey signer, Path folder,
                                                 Progress progress) throws Exception {
                    return export.signedBy(signer).export(pack, candidate, decisionLog, trustedSigners, folder,
                            progress);
                }

                @Override
                public List<Path> exportJudged(ReviewPack pack, CandidateReview review, Path decisionLog,
                                               TrustedSigners trustedSigners, SignerKey signer, Path folder,
                                               Progress progress) throws Exception {
                    return export.signedBy(signer).exportReviewed(pack, review, decisionLog, trustedSigners, folder,
                            progress);
                }
            };
        }
    }


    private final Exporter export;
    private final JudgedReviews judged;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final ProblemDialog problems;
    private final Supplier<Window> owner;
    private final FolderChooser folderChooser;
    private final Supplier<Optional<Path>> lastFolder;
    private final ApprovalPackFolder folders;
    private final Supplier<String> selectedCandidate;
    private final Supplier<Path> decisionStore;
    private final Supplier<Path> trustedSigners;
    private final SigningChooser signingChooser;
    private final Supplier<Optional<Path>> lastKeyFile;
    private final ResourceBundle text;

    /**
     * @param judged the review the Gates view holds (read on the FX thread when the export starts)
     * @param folderChooser asks where to write, proposing a new folder; empty when the user cancels
     * @param lastFolder the folder the previous approval pack was exported to, if any: the next goes beside it
     * @param folders where a new folder is proposed when there is no last one: never in a temporary folder
     * @param selectedCandidate the candidate the user is comparing, or null for the pack's first
     * @param decisionStore the decision log the app records into; its records about the pack are included when
     *                      the file exists
     * @param trustedSigners the trusted signers list chosen in the Audit view, or null: the pack then says its
     *                       signers were not checked against one
     * @param signingChooser asks whether to sign the export and with which key file
     * @param lastKeyFile the key file last signed with (a decision), proposed for signing
     * @param text the app's messages bundle
     */
    public ExportApprovalPackAction(Exporter export, JudgedReviews judged, BackgroundExecutor executor,
                                    ActivityMonitor activity, ProblemDialog problems, Supplier<Window> owner,
                                    FolderChooser folderChooser, Supplier<Optional<Path>> lastFolder,
                                    ApprovalPackFolder folders, Supplier<String> selectedCandidate, Supplier<Path> decisionStore,
                                    Supplier<Path> trustedSigners, SigningChooser signingChooser,
                                    Supplier<Optional<Path>> lastKeyFile, ResourceBundle text) {
        this.export = export;
        this.judged = judged;
        this.executor = executor;
        this.activity = activity;
        this.problems = problems;
        this.owner = owner;
        this.folderChooser = folderChooser;
        this.lastFolder = lastFolder;
        this.folders = folders;
        this.selectedCandidate = selectedCandidate;
        this.decisionStore = decisionStore;
        this.trustedSigners = trustedSigners;
        this.signingChooser = signingChooser;
        this.lastKeyFile = lastKeyFile;
        this.text = text;
    }

    /** The File-menu entry (Ctrl/Cmd+E), enabled while a pack is open. */
    public PackAction packAction() {
        return new PackAction(ID, text.getString("export.menu"),
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::chooseFolderAndExport);
    }

    private void chooseFolderAndExport(ReviewPack pack) {
        Path last = lastFolder.get().orElse(null);
        String candidate = selectedCandidate.get();
        // the proposal asks the disk which folders exist, which a network share asleep can stall
        executor.run(progress -> folders.suggest(last, pack, candidate))
                .onSuccess(suggested -> folderChooser.choose(owner.get(), suggested).ifPresent(folder -> executor
                        .run(progress -> ApprovalPackWriter.filesReplacedIn(folder))
                        .onSuccess(earlier -> {
                            if (earlier.isEmpty()) {
                                askSigningAndExport(pack, folder);
                            } else {
                                confirmReplacing(folder, earlier, () -> askSigningAndExport(pack, folder));
                            }
                        })
                        .start()))
                .start();
    }

    /**
     * An approval pack may already have been shared with the board or an auditor: it is replaced only when the user
     * says so, with the files named. Cancel is the default button, so Enter keeps the earlier pack.
     */
    private void confirmReplacing(Path folder, List<Path> earlier, Runnable replace) {
        Alert confirm = OwnerLook.ownedBy(new Alert(Alert.AlertType.CONFIRMATION), owner.get());
        confirm.setTitle(text.getString("export.replaceTitle"));
        confirm.setHeaderText(MessageFormat.format(text.getString("export.replaceHeader"), folder));
        confirm.setContentText(MessageFormat.format(text.getString("export.replaceContent"),
                String.join("\n", earlier.stream().map(f -> "  " + f.getFileName()).toList())));
        ButtonType replaceButton = new ButtonType(text.getString("export.replace"), ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(replaceButton, ButtonType.CANCEL);
        ((Button) confirm.getDialogPane().lookupButton(replaceButton)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.getDialogPane().setId(REPLACE_DIALOG_ID);
        confirm.setOnHidden(e -> {
            if (confirm.getResult() == replaceButton) {
                replace.run();
            }
        });
        confirm.show();
    }

    private void askSigningAndExport(ReviewPack pack, Path folder) {
        signingChooser.choose(owner.get(), lastKeyFile.get().orElse(null))
                .ifPresent(signing -> exportTo(pack, folder, signing));
    }

    /** An unsigned export; see {@link #exportTo(ReviewPack, Path, ExportSigning)}. */
    public SampledProgress exportTo(ReviewPack pack, Path folder) {
        return exportTo(pack, folder, ExportSigning.UNSIGNED);
    }

    /**
     * Starts the export, signed as {@code signing} says (the key is unlocked in the background: a wrong passphrase is
     * said in the problem dialog, and nothing is written); the returned progress is the one the status bar shows and
     * cancels.
     */
    public SampledProgress exportTo(ReviewPack pack, Path folder, ExportSigning signing) {
        String candidate = selectedCandidate.get();
        Path store = decisionStore.get();
        Path rosterFile = trustedSigners.get();
        Optional<CandidateReview> review = judged.of(pack, candidate);
        return executor.<Written>run(progress -> {
                    SignerKey signer;
                    try {
                        signer = signing.unlock();
                    } catch (LedgerException e) {
                        throw new KeyNotUnlocked(e);
                    }
                    Path decisionLog = store != null && Files.exists(store) ? store : null;
                    TrustedSigners roster = decisionLog == null || rosterFile == null ? null
                            : TrustedSigners.read(rosterFile);
                    return new Written(review.isPresent()
                            ? export.exportJudged(pack, review.get(), decisionLog, roster, signer, folder, progress)
                            : export.judgeAndExport(pack, candidate, decisionLog, roster, signer, folder, progress),
                            signer);
                })
                .showProgressIn(activity, text.getString("export.activity"))
                .onSuccess(this::showWritten)
                .onError(failure -> problems.show(owner.get(), text.getString("export.failedHeader"),
                        text.getString(failure instanceof LogNotIntactException
                                // its checkpoint, handed out to keep as proof, would vouch for a changed history
                                ? "export.failedLogNotIntact"
                                : failure instanceof KeyNotUnlocked ? "export.failedKey" : "export.failedAdvice"),
                        String.valueOf(failure.getMessage())))
                .start();
    }

    /** The key file chosen to sign with could not be unlocked (a wrong passphrase, a file that is no key). */
    private static final class KeyNotUnlocked extends Exception {
        private static final long serialVersionUID = 1L;

        KeyNotUnlocked(LedgerException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The files an export wrote, and who signed it (null: nobody). */
    private record Written(List<Path> files, SignerKey signer) {
    }

    private void showWritten(Written result) {
        List<Path> files = result.files();
        Alert written = OwnerLook.ownedBy(new Alert(Alert.AlertType.INFORMATION), owner.get());
        written.setTitle(text.getString("export.writtenTitle"));
        written.setHeaderText(MessageFormat.format(text.getString("export.writtenHeader"), files.get(0).getParent()));
        written.setContentText(MessageFormat.format(text.getString("export.writtenContent"),
                String.join("\n", files.stream().map(f -> f.getFileName().toString()).toList()))
                + "\n\n" + (result.signer() == null ? text.getString("export.writtenUnsigned")
                        : MessageFormat.format(text.getString("export.writtenSigned"), result.signer().identity(),
                                result.signer().identity().keyId())));
        written.getDialogPane().setId(WRITTEN_DIALOG_ID);
        written.show();
    }
}
