package org.verdict.ui.decision;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.gates.JudgedReviews;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * File → Record decision…: reviews the open pack's candidate under its policy in the background, then opens the
 * Decision dialog pre-filled with the gate table and triggers (or without them when the review fails), with the
 * store in use as the log and the key file last signed with.
 */
public final class RecordDecisionAction {
    /** The gate review of a pack's candidate (null: the first), as {@link org.verdict.core.gates.GateReview} does it. */
    @FunctionalInterface
    public interface CandidateReviewer {
        CandidateReview review(ReviewPack pack, String candidate, Progress progress) throws PackException;
    }


    private final BackgroundExecutor executor;
    private final CandidateReviewer reviewer;
    private final Function<ReviewPack, String> candidateOf;
    private final JudgedReviews judged;
    private final ObservableValue<Path> decisionStore;
    private final Supplier<Optional<Path>> lastKeyFile;
    private final Supplier<Window> owner;
    private final Consumer<SignedDecision> onSigned;
    private final DecisionAppender appender;
    private final ResourceBundle text;
    private final Clock clock;
    /** What was entered in a dialog closed unsigned, per pack folder and candidate, until it is signed. */
    private final Map<DraftKey, DecisionViewModel.Draft> drafts = new HashMap<>();

    private record DraftKey(Path pack, String candidate) {
    }

    /** A record signed in the dialog, with the log it went into and the key file that signed it. */
    public record SignedDecision(LoggedRecord record, Path store, Path keyFile) {
    }

    /**
     * @param decisionStore the log the dialog proposes: the store in use
     * @param lastKeyFile the key file the dialog proposes: the one last signed with, if any
     * @param candidateOf the candidate a decision on the pack is about (null: the first), read on the FX thread when
     *                    the action runs, so the lookup and the review agree on it
     * @param judged the review the Gates view already holds for the pack and that candidate, if any; the reviewer
     *               judges the gates only when there is none
     * @param onSigned told on the FX thread of every record signed in a dialog opened by this action
     * @param appender appends a record signed in the dialog to its log
     */
    public RecordDecisionAction(BackgroundExecutor executor, CandidateReviewer reviewer,
                                Function<ReviewPack, String> candidateOf, JudgedReviews judged,
                                ObservableValue<Path> decisionStore, Supplier<Optional<Path>> lastKeyFile,
                                Supplier<Window> owner, Consumer<SignedDecision> onSigned, ResourceBundle text,
                                DecisionAppender appender, Clock clock) {
        this.executor = executor;
        this.reviewer = reviewer;
        this.candidateOf = candidateOf;
        this.judged = judged;
        this.decisionStore = decisionStore;
        this.lastKeyFile = lastKeyFile;
        this.owner = owner;
        this.onSigned = onSigned;
        this.appender = appender;
        this.text = text;
        this.clock = clock;
    }

    public PackAction packAction() {
        return new PackAction("record-decision", text.getString("decision.menu"),
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::open);
    }

    /**
     * Opens the dialog with the gates already judged, or reviews the pack first; a review that fails still opens it,
     * without the gate table.
     */
    public void open(ReviewPack pack) {
        String candidate = candidateOf.apply(pack);
        Optional<CandidateReview> review = judged.of(pack, candidate);
        if (review.isPresent()) {
            show(pack, DecisionPrefill.of(review.get()));
            return;
        }
        executor.run(progress -> DecisionPrefill.of(reviewer.review(pack, candidate, progress)))
                .onSuccess(prefill -> show(pack, prefill))
                .onError(failure -> show(pack, DecisionPrefill.NONE))
                .start();
    }

    /**
     * Opens the dialog for {@code pack} with what the gates contributed, resuming what was entered in the last one
     * closed unsigned on the same pack and candidate; returns its window.
     */
    public Stage show(ReviewPack pack, DecisionPrefill prefill) {
        DecisionViewModel model = new DecisionViewModel(pack, prefill, executor, clock, text, appender);
        model.storeProperty().set(decisionStore.getValue());
        lastKeyFile.get().ifPresent(model.keyFileProperty()::set);
        DraftKey key = new DraftKey(pack.source(), model.candidateProperty().get());
        Optional.ofNullable(drafts.get(key)).ifPresent(model::resume);
        // the form is disabled while it signs: the log and key in it are the ones the record was signed with
        model.signedRecordProperty().addListener((o, was, record) -> onSigned.accept(new SignedDecision(record,
                model.storeProperty().get(), model.keyFileProperty().get())));
        Stage dialog = new DecisionDialog(model, text).showModal(owner.get());
        dialog.addEventHandler(WindowEvent.WINDOW_HIDDEN, closed -> keepDraft(key, model));
        return dialog;
    }

    private void keepDraft(DraftKey key, DecisionViewModel model) {
        DecisionViewModel.Draft draft = model.draft();
        if (model.signedRecordProperty().get() != null || draft.isBlank()) {
            drafts.remove(key);
        } else {
            drafts.put(key, draft);
        }
    }
}
