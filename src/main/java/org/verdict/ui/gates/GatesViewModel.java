package org.verdict.ui.gates;

import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.verdict.core.compare.WorseOverall;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.Navigator;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * State of the Gates view and of the Evidence view it links to. Opening a pack judges every gate of the candidate
 * chosen in Compare (the first candidate until one is chosen) under the pack's policy in the background, and builds
 * the evidence it shows (charts as data) there too. Choosing another candidate judges that one.
 */
public final class GatesViewModel {
    /** Judges a candidate of a pack; {@code GateReview} in the app, a stand-in in tests. */
    @FunctionalInterface
    public interface Reviewer {
        /** @param candidate a candidate version of the pack, or null for its first candidate */
        CandidateReview review(ReviewPack pack, String candidate, Progress progress) throws PackException;
    }

    /** A review with the evidence it shows, swapped in together. */
    public record Reviewed(CandidateReview review, EvidenceModel evidence) {
    }

    public static final String VIEW_ID = "gates";
    public static final String EVIDENCE_VIEW_ID = "evidence";
    /** The primary gate's evidence is the Compare view. */
    static final String COMPARE_VIEW_ID = "compare";

    private final Reviewer reviewer;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final ResourceBundle text;
    private final Navigator navigator;
    private final Consumer<Throwable> onFailure;

    private final ObservableList<GateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper approval = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper triggers = new ReadOnlyStringWrapper("");
    /** Marks a finding significantly worse, as the Compare table and the command line mark it. */
    static final String WORSE_MARK = "▼ ";
    private final ReadOnlyStringWrapper worseSlicesHeading = new ReadOnlyStringWrapper("");
    private final ObservableList<String> worseSlices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper alsoWorse = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper anyAlsoWorse = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tablePlaceholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Reviewed> reviewed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EvidencePageId> selectedEvidence =
            new ReadOnlyObjectWrapper<>(EvidencePageId.SAFETY);

    private final ObservableValue<String> chosenCandidate;
    private ReviewPack pack;
    /** The candidate asked of the reviewer for the current pack (null: the first); later answers win. */
    private String judgedCandidate;

    /** @param chosenCandidate the candidate chosen in Compare; null or not in the pack means the first candidate */
    public GatesViewModel(Reviewer reviewer, BackgroundExecutor executor, ActivityMonitor activity,
                          ResourceBundle text, Navigator navigator, Consumer<Throwable> onFailure,
                          ObservableValue<String> chosenCandidate) {
        this.reviewer = reviewer;
        this.executor = executor;
        this.activity = activity;
        this.text = text;
        this.navigator = navigator;
        this.onFailure = onFailure;
        this.chosenCandidate = chosenCandidate;
        tablePlaceholder.set(text.getString("gates.table.noPack"));
        chosenCandidate.addListener((obs, was, now) -> {
            String candidate = candidateOf(pack);
            if (pack != null && candidate != null && !candidate.equals(judgedCandidate)) {
                judge(pack, candidate);
            }
        });
    }

    /** The chosen candidate when the pack has it, else null (the reviewer then takes the first). */
    private String candidateOf(ReviewPack judged) {
        String chosen = chosenCandidate.getValue();
        return judged == null || chosen == null || judged.manifest().candidates().stream()
                .noneMatch(c -> c.version().equals(chosen)) ? null : chosen;
    }

    /** A new pack: forget the old checklist and judge the gates of this one. */
    public void showPack(ReviewPack newPack) {
        judge(newPack, candidateOf(newPack));
    }

    private void judge(ReviewPack newPack, String candidate) {
        pack = newPack;
        judgedCandidate = candidate;
        rows.clear();
        reviewed.set(null);
        headline.set(text.getString("gates.computing"));
        approval.set("");
        missing.set("");
        triggers.set("");
        worseSlicesHeading.set("");
        worseSlices.clear();
        alsoWorse.set("");
        anyAlsoWorse.set(false);
        notice.set("");
        tablePlaceholder.set(text.getString("gates.table.judging"));
        computing.set(true);
        ReviewPack judged = newPack;
        executor.run(progress -> {
            CandidateReview review = reviewer.review(judged, candidate, progress);
            return new Reviewed(review, EvidenceModel.of(review, judged.manifest().candidates()));
        }).onSuccess(result -> {
            if (isCurrent(judged, candidate)) {
                show(result);
            }
        }).onError(failure -> {
            if (!isCurrent(judged, candidate)) {
                return;
            }
            tablePlaceholder.set(text.getString("gates.table.notJudged"));
            if (failure instanceof PackException broken) {
                headline.set(text.getString("gates.cannotJudge"));
                notice.set(broken.getMessage());
            } else {
                headline.set("");
                onFailure.accept(failure);
            }
        }).onCancelled(() -> {
            if (isCurrent(judged, candidate)) {
                headline.set(text.getString("gates.cancelled"));
                tablePlaceholder.set(text.getString("gates.table.cancelled"));
            }
        }).andFinally(() -> computing.set(false))
                .showProgressIn(activity, text.getString("gates.activity")).start();
    }

    /**
     * The review shown for {@code asked}'s {@code candidate} (null: its first candidate), if this model has finished
     * judging that pack and candidate; empty while it judges, after a failure, or for another pack or candidate.
     */
    public Optional<CandidateReview> reviewOf(ReviewPack asked, String candidate) {
        Reviewed shown = reviewed.get();
        if (shown == null || asked == null || asked != pack) {
            return Optional.empty();
        }
        String wanted = candidate != null ? candidate : asked.manifest().candidateVersion(null);
        return wanted.equals(shown.review().gates().candidate()) ? Optional.of(shown.review()) : Optional.empty();
    }

    private boolean isCurrent(ReviewPack judged, String candidate) {
        return judged == pack && Objects.equals(candidate, judgedCandidate);
    }

    private void show(Reviewed result) {
        GateEvaluation gates = result.review().gates();
        rows.setAll(gates.gates().stream().map(this::row).toList());
        tablePlaceholder.set(text.getString("gates.table.noGate"));
        List<GateResult> failing = gates.gates().stream().filter(g -> g.outcome() == GateOutcome.FAIL).toList();
        long thin = gates.gates().stream().filter(g -> g.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE).count();
        String notEvaluated = notEvaluated(gates);
        headline.set(gates.everyGatePasses()
                ? MessageFormat.format(text.getString(notEvaluated.isEmpty() ? "gates.headline.pass"
                        : "gates.headline.passApplicable"), gates.candidate(), gates.production()) + notEvaluated
                : MessageFormat.format(text.getString("gates.headline.blocked"), gates.candidate(),
                        gates.production(), failing.size(), thin) + wantingRequired(gates) + failingNamed(failing)
                        + notEvaluated);
        var evidence = result.review().evidence();
        worseSlices.setAll(evidence.worseSlices().stream().map(evidence::describe).toList());
        worseSlicesHeading.set(MessageFormat.format(text.getString(worseSlices.isEmpty() ? "gates.worseSlices.none"
                : "gates.worseSlices"), evidence.primaryMetric().wireName(), worseSlices.size()));
        List<String> elsewhere = evidence.worseOverall().stream().map(WorseOverall::line).toList();
        anyAlsoWorse.set(!elsewhere.isEmpty());
        alsoWorse.set(elsewhere.isEmpty() ? text.getString("gates.alsoWorse.none")
                : MessageFormat.format(text.getString("gates.alsoWorse"), elsewhere.size()) + elsewhere.stream()
                        .map(line -> "\n" + WORSE_MARK + line).collect(Collectors.joining()));
        approval.set(gates.approval().text());
        missing.set(gates.missingSuites().isEmpty() ? text.getString("gates.allSuites")
                : MessageFormat.format(text.getString("gates.missing"), String.join(", ", gates.missingSuites())));
        triggers.set(MessageFormat.format(text.getString("gates.triggers"),
                result.review().triggers().suggestion().label(), result.review().triggers().rationale()));
        reviewed.set(result);
    }

    /** The gates that lack evidence only because the pack lacks what the policy or the risk tier requires. */
    private String wantingRequired(GateEvaluation gates) {
        List<String> wanting = gates.gates().stream()
                .filter(g -> g.missingEvidence() != null && g.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE)
                .map(g -> g.gate().title()).toList();
        return wanting.isEmpty() ? "" : " " + MessageFormat.format(text.getString("gates.headline.wantingRequired"),
                wanting.size(), String.join(", ", wanting));
    }

    /** The gates not evaluated, each with why, so neither a pass nor a block hides what was not looked at. */
    private String notEvaluated(GateEvaluation gates) {
        List<String> unevaluated = gates.notEvaluated();
        return unevaluated.isEmpty() ? "" : " " + MessageFormat.format(text.getString("gates.headline.notEvaluated"),
                unevaluated.size(), String.join(", ", unevaluated));
    }

    /**
     * The failing gates by name; a failing data-validation gate is called out, because it puts the evidence behind
     * every other gate in question.
     */
    private String failingNamed(List<GateResult> failing) {
        if (failing.isEmpty()) {
            return "";
        }
        List<String> promotion = failing.stream().filter(g -> g.gate().kind() == Gate.Kind.PROMOTION)
                .map(g -> g.gate().title()).toList();
        List<String> validation = failing.stream().filter(g -> g.gate().kind() == Gate.Kind.DATA_VALIDATION)
                .map(g -> g.gate().title()).toList();
        String named = promotion.isEmpty() ? "" : MessageFormat.format(text.getString("gates.headline.failing"),
                String.join(", ", promotion));
        if (!validation.isEmpty()) {
            named += (named.isEmpty() ? "" : " ") + MessageFormat.format(
                    text.getString("gates.headline.failingValidation"), String.join(", ", validation));
        }
        return " " + named;
    }

    private GateRow row(GateResult result) {
        String evidence = text.getString("evidence.page." + result.gate().evidencePage().id());
        return new GateRow(result.gate(), result.gate().title(), result.outcome(), result.outcome().label(),
                GateRow.glyphOf(result.outcome()), GateResult.besideOutcome(result.summary()), evidence);
    }

    /** Brings the gate's evidence to front: Compare for the primary metric, else its page of the Evidence view. */
    public void openEvidence(GateRow row) {
        EvidencePageId view = row.gate().evidencePage();
        if (view == EvidencePageId.COMPARE) {
            navigator.show(COMPARE_VIEW_ID);
        } else {
            selectedEvidence.set(view);
            navigator.show(EVIDENCE_VIEW_ID);
        }
    }

    /** Shows another evidence page (the Evidence view's page picker). */
    public void selectEvidence(EvidencePageId page) {
        selectedEvidence.set(page);
    }

    public ObservableList<GateRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approvalProperty() {
        return approval.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** The slices significantly worse on the primary metric, one line each, the largest loss first. */
    public ObservableList<String> worseSlices() {
        return worseSlices;
    }

    /** What the list of worse slices shows, or that no slice is significantly worse; empty until judged. */
    /**
     * What else is significantly worse overall, which no gate judges (the other metrics, each class's recall): a
     * heading and one ▼ line per finding, or that nothing else is; empty while the gates are judged.
     */
    public ReadOnlyStringProperty alsoWorseProperty() {
        return alsoWorse.getReadOnlyProperty();
    }

    /** Whether {@link #alsoWorseProperty()} names a finding (the view shows it as a warning). */
    public ReadOnlyBooleanProperty anyAlsoWorseProperty() {
        return anyAlsoWorse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty worseSlicesHeadingProperty() {
        return worseSlicesHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty triggersProperty() {
        return triggers.getReadOnlyProperty();
    }

    /** The reason the gates could not be judged (a broken suite or policy), else empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * What the gate table says while it has no row: that the gates are being judged (the status bar shows how far),
     * that none applies to the pack, or that they could not be judged; never JavaFX's "No content in table".
     */
    public ReadOnlyStringProperty tablePlaceholderProperty() {
        return tablePlaceholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reviewed> reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvidencePageId> selectedEvidenceProperty() {
        return selectedEvidence.getReadOnlyProperty();
    }
}
