package org.verdict.ui.gates;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.verdict.core.compare.WorseOverall;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.Navigator;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.LatestTask;
import org.verdict.ui.task.TurnWatch;
import org.verdict.ui.theme.Palette;

/**
 * State of the Gates view and of the Evidence view it links to. Opening a pack judges every gate of the candidate
 * chosen in Compare (the first candidate until one is chosen) under the pack's policy in the background, and builds
 * the evidence it shows (charts as data) there too. Choosing another candidate judges that one; a judgement that was
 * cancelled or failed can be asked for again ({@link #judgeAgain()}).
 */
public final class GatesViewModel {
    /** How the Gates view marks a worse slice's line, and its copied text. */
    public static final String WORSE_MARK = Palette.WORSE_MARK + " ";
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

    /** How far the current pack's gates are judged; what the pages say while no review is shown follows it. */
    private enum Judgement { NONE, WAITING, JUDGING, JUDGED, CANCELLED, FAILED }

    private final ObservableList<GateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper evidencePlaceholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canJudgeAgain = new ReadOnlyBooleanWrapper(false);
    /** The name of the pack being opened, else empty ({@link #followOpening}). */
    private final StringProperty opening = new SimpleStringProperty("");
    private Judgement judgement = Judgement.NONE;
    private final ReadOnlyStringWrapper approval = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper triggers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper worseSlicesHeading = new ReadOnlyStringWrapper("");
    private final ObservableList<String> worseSlices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper alsoWorse = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper anyAlsoWorse = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tablePlaceholder = new ReadOnlyStringWrapper("");
    /** A judgement of the current pack is under way. */
    private boolean computing;
    private final ReadOnlyObjectWrapper<Reviewed> reviewed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EvidencePageId> selectedEvidence =
            new ReadOnlyObjectWrapper<>(EvidencePageId.SAFETY);

    private final ObservableValue<String> chosenCandidate;
    private ReviewPack pack;
    /** The candidate asked of the reviewer for the current pack (null: the first); later answers win. */
    private String judgedCandidate;
    /** The judgement of the pack and candidate shown now; a new one cancels it. */
    private final LatestTask judgements = new LatestTask();
    /** Counts the judgements asked for: only the latest one's outcome is shown (the same candidate may be asked twice). */
    private long judgementsAsked;

    /**
     * @param executor judges in the background; a failure other than a broken pack goes to its one handler
     * @param chosenCandidate the candidate chosen in Compare; null or not in the pack means the first candidate
     */
    public GatesViewModel(Reviewer reviewer, BackgroundExecutor executor, ActivityMonitor activity,
                          ResourceBundle text, Navigator navigator,
                          ObservableValue<String> chosenCandidate) {
        this.reviewer = reviewer;
        this.executor = executor;
        this.activity = activity;
        this.text = text;
        this.navigator = navigator;
        this.chosenCandidate = chosenCandidate;
        tablePlaceholder.set(text.getString("gates.table.noPack"));
        evidencePlaceholder.set(text.getString("evidence.nothing"));
        opening.addListener((obs, was, now) -> sayWhatIsPending());
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

    /**
     * Follows the name of the pack being opened (empty when none is): until a pack is open, the gate table and the
     * Evidence view say that it is loading rather than asking for one.
     */
    public void followOpening(ObservableValue<String> openingPackName) {
        opening.bind(openingPackName);
    }

    /** A new pack: forget the old checklist and judge the gates of this one. */
    public void showPack(ReviewPack newPack) {
        judge(newPack, candidateOf(newPack));
    }

    /**
     * Judges the open pack's gates again, for the candidate judged last, with progress and Cancel as at opening: the
     * way back after judging was cancelled (or failed) without opening the pack again.
     */
    public void judgeAgain() {
        if (canJudgeAgain.get()) {
            judge(pack, judgedCandidate);
        }
    }

    private void judge(ReviewPack newPack, String candidate) {
        pack = newPack;
        judgedCandidate = candidate;
        rows.clear();
        reviewed.set(null);
        headline.set(text.getString("gates.computing"));
        counts.set("");
        details.set("");
        approval.set("");
        missing.set("");
        triggers.set("");
        worseSlicesHeading.set("");
        worseSlices.clear();
        alsoWorse.set("");
        anyAlsoWorse.set(false);
        notice.set("");
        computing = true;
        setJudgement(Judgement.JUDGING);
        ReviewPack judged = newPack;
        long asked = ++judgementsAsked;
        executor.run(progress -> {
            CandidateReview review = reviewer.review(judged, candidate, new TurnWatch(progress,
                    waiting -> executor.runOnFxThread(() -> {
                        if (asked == judgementsAsked && computing) {
                            headline.set(waiting ? TurnWatch.waitingText() : text.getString("gates.computing"));
                            setJudgement(waiting ? Judgement.WAITING : Judgement.JUDGING);
                        }
                    })));
            return new Reviewed(review, EvidenceModel.of(review, judged.manifest().candidates()));
        }).onSuccess(result -> {
            if (asked == judgementsAsked) {
                show(result);
            }
        }).onError(failure -> {
            if (asked != judgementsAsked) {
                return;
            }
            setJudgement(Judgement.FAILED);
            if (failure instanceof PackException broken) {
                headline.set(text.getString("gates.cannotJudge"));
                notice.set(broken.getMessage());
            } else {
                headline.set("");
                executor.reportUnhandled(failure);
            }
        }).onCancelled(() -> {
            if (asked == judgementsAsked) {
                headline.set(text.getString("gates.cancelled"));
                setJudgement(Judgement.CANCELLED);
            }
        }).andFinally(() -> {
            if (asked == judgementsAsked) {
                computing = false;
                sayWhatIsPending();
            }
        }).asLatestIn(judgements).showProgressIn(activity, text.getString("gates.activity")).start();
    }

    private void setJudgement(Judgement now) {
        judgement = now;
        sayWhatIsPending();
    }

    /**
     * What the empty gate table and the Evidence view say while no review is shown, and whether Judge again is
     * offered: that a pack is loading (by name), that its gates are being judged, that judging was cancelled or
     * failed, or that there is no pack yet.
     */
    private void sayWhatIsPending() {
        String loading = opening.get() == null ? "" : opening.get();
        canJudgeAgain.set(pack != null && !computing
                && (judgement == Judgement.CANCELLED || judgement == Judgement.FAILED));
        if (judgement == Judgement.JUDGED) {
            tablePlaceholder.set(text.getString("gates.table.noGate"));
            return;
        }
        if (judgement == Judgement.WAITING) {
            tablePlaceholder.set(TurnWatch.waitingText());
            evidencePlaceholder.set(TurnWatch.waitingText());
            return;
        }
        String table;
        String evidence;
        if (judgement == Judgement.JUDGING) {
            table = "gates.table.judging";
            evidence = "evidence.judging";
        } else if (!loading.isEmpty()) {
            table = "gates.table.opening";
            evidence = "evidence.opening";
        } else if (judgement == Judgement.CANCELLED) {
            table = "gates.table.cancelled";
            evidence = "evidence.cancelled";
        } else if (judgement == Judgement.FAILED) {
            table = "gates.table.notJudged";
            evidence = "evidence.notJudged";
        } else {
            table = "gates.table.noPack";
            evidence = "evidence.nothing";
        }
        tablePlaceholder.set(MessageFormat.format(text.getString(table), loading));
        evidencePlaceholder.set(MessageFormat.format(text.getString(evidence), loading));
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

    private void show(Reviewed result) {
        GateEvaluation gates = result.review().gates();
        rows.setAll(gates.gates().stream().map(this::row).toList());
        setJudgement(Judgement.JUDGED);
        List<GateResult> failing = gates.gates().stream().filter(g -> g.outcome() == GateOutcome.FAIL).toList();
        String notEvaluated = notEvaluated(gates);
        // one short line in bold, the counts under it, and only then the names: 8 gates not evaluated and why took
        // four bold lines above the checklist at 1366×768
        // a pass beside metrics significantly worse overall says so in the line a board reads first, not only in the
        // warning below the table: an all-$0 candidate wins mae while rmse, mape and r2 are worse
        List<String> worseSubjects = result.review().evidence().worseOverall().stream().map(WorseOverall::subject)
                .toList();
        String passKey = (notEvaluated.isEmpty() ? "gates.headline.pass" : "gates.headline.passApplicable")
                + (worseSubjects.isEmpty() ? "" : "ButWorse");
        headline.set(MessageFormat.format(text.getString(!gates.everyGatePasses() ? "gates.headline.blocked"
                : passKey), gates.candidate(), gates.production(), String.join(", ", worseSubjects)));
        counts.set(counted(gates));
        details.set((failingNamed(failing) + insufficientNamed(gates) + wantingRequired(gates) + notEvaluated)
                .strip());
        showFirstPageWithEvidence(result);
        WorseFindings worse = result.review().evidence().worseFindings();
        worseSlices.setAll(worse.slices());
        worseSlicesHeading.set(worse.slicesHeading());
        List<String> elsewhere = worse.overall();
        anyAlsoWorse.set(!elsewhere.isEmpty() || !worse.lostClasses().isEmpty() || !worse.heldOut().isEmpty());
        alsoWorse.set((elsewhere.isEmpty() ? worse.nothingElse()
                : MessageFormat.format(text.getString("gates.alsoWorse"), elsewhere.size()) + marked(elsewhere))
                + (worse.lostClasses().isEmpty() ? "" : "\n" + worse.lostClasses())
                + (worse.heldOut().isEmpty() ? "" : "\n" + worse.heldOutHeading() + marked(worse.heldOut())));
        approval.set(gates.approval().text());
        missing.set(gates.missingSuites().isEmpty() ? text.getString("gates.allSuites")
                : MessageFormat.format(text.getString("gates.missing"), String.join(", ", gates.missingSuites())));
        triggers.set(MessageFormat.format(text.getString("gates.triggers"),
                result.review().triggers().suggestion().label(), result.review().triggers().rationale()));
        reviewed.set(result);
    }

    /**
     * "2 passed · 1 failed · 8 not evaluated (optional evidence absent)": every outcome that some gate has, in the
     * order a reviewer weighs them, and why the gates not evaluated were not.
     */
    private String counted(GateEvaluation gates) {
        List<String> parts = new ArrayList<>();
        for (GateOutcome outcome : List.of(GateOutcome.PASS, GateOutcome.FAIL, GateOutcome.INSUFFICIENT_EVIDENCE)) {
            long n = gates.gates().stream().filter(g -> g.outcome() == outcome).count();
            if (n > 0) {
                String key = "gates.count." + outcome.name().toLowerCase(Locale.ROOT);
                parts.add(MessageFormat.format(text.getString(key), n));
            }
        }
        // why, in the words the approval pack and `gate` count the same gates with
        List<GateResult> unevaluated = gates.gates().stream().filter(g -> g.notApplicable() != null).toList();
        if (!unevaluated.isEmpty()) {
            parts.add(MessageFormat.format(text.getString("gates.count.notEvaluated"), unevaluated.size(),
                    GateResult.NotApplicable.counted(unevaluated)));
        }
        return String.join(" · ", parts);
    }

    /**
     * A new review opens the Evidence view on a page that has evidence: a primary-only pack opened on an empty Safety
     * page ("Missing: …") while Data validation had its checks. A page the reviewer chose and the pack has stays.
     */
    private void showFirstPageWithEvidence(Reviewed result) {
        if (!hasEvidence(result, selectedEvidence.get())) {
            EvidencePageId.evidenceViewPages().stream().filter(page -> hasEvidence(result, page)).findFirst()
                    .ifPresent(selectedEvidence::set);
        }
    }

    /**
     * Whether the page shows evidence rather than only saying what is missing. The triggers page is always there, but
     * when no trigger had evidence to judge it is a table of "? no evidence", as empty as a missing suite.
     */
    private static boolean hasEvidence(Reviewed result, EvidencePageId page) {
        if (page == EvidencePageId.TRIGGERS) {
            return result.review().triggers().triggers().stream().anyMatch(t -> t.state() != TriggerState.NO_EVIDENCE);
        }
        return result.evidence().page(page).stream().anyMatch(EvidenceSection::isPresent);
    }

    /**
     * The gates whose evidence is there but cannot decide them (too few examples, an interval across the limit), by
     * name as the failing ones are: a count alone left a reader of "1 insufficient evidence" asking which.
     */
    private String insufficientNamed(GateEvaluation gates) {
        List<String> undecided = gates.gates().stream()
                .filter(g -> g.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE && g.missingEvidence() == null)
                .map(g -> g.gate().title()).toList();
        return undecided.isEmpty() ? "" : " " + MessageFormat.format(text.getString("gates.headline.insufficient"),
                String.join(", ", undecided));
    }

    /** The gates that lack evidence only because the pack lacks what the policy or the risk tier requires. */
    private String wantingRequired(GateEvaluation gates) {
        List<String> wanting = gates.gates().stream()
                .filter(g -> g.missingEvidence() != null && g.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE)
                .map(g -> g.gate().title()).toList();
        return wanting.isEmpty() ? "" : " " + MessageFormat.format(text.getString("gates.headline.wantingRequired"),
                wanting.size(), String.join(", ", wanting));
    }

    /**
     * The gates not evaluated by name, so neither a pass nor a block hides what was not looked at; the counts say why
     * in short and each gate's row in full (with their reasons here they took three bold lines above the checklist).
     */
    private String notEvaluated(GateEvaluation gates) {
        List<String> unevaluated = gates.gates().stream().filter(g -> g.notEvaluatedBecause() != null)
                .map(g -> g.gate().title()).toList();
        return unevaluated.isEmpty() ? "" : " " + MessageFormat.format(text.getString("gates.headline.notEvaluated"),
                String.join(", ", unevaluated));
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

    /** The verdict in one short line ("Candidate 2 may not replace production 1 yet."), or what is under way. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** How many gates ended how ("2 passed · 1 failed · 8 not evaluated (optional evidence absent)"), once judged. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** By name: the failing gates, the gates wanting evidence the policy requires, and every gate not evaluated. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The headline, the counts and the gates they name in one paragraph, as the Overview states the verdict. */
    public StringBinding verdict() {
        return Bindings.createStringBinding(() -> String.join(" ", Stream.of(headline.get(),
                counts.get().isEmpty() ? "" : counts.get() + ".", details.get()).filter(part -> !part.isEmpty())
                .toList()), headline, counts, details);
    }

    /** What the Evidence view says while it has no review to show: a pack loading, judging, cancelled, failed, none. */
    public ReadOnlyStringProperty evidencePlaceholderProperty() {
        return evidencePlaceholder.getReadOnlyProperty();
    }

    /** Whether {@link #judgeAgain()} has something to do: the open pack's judging was cancelled or failed. */
    public ReadOnlyBooleanProperty canJudgeAgainProperty() {
        return canJudgeAgain.getReadOnlyProperty();
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

    /** Each finding on a line of its own, marked as the worse slices are. */
    private static String marked(List<String> findings) {
        return findings.stream().map(line -> "\n" + WORSE_MARK + line).collect(Collectors.joining());
    }

    public ReadOnlyStringProperty worseSlicesHeadingProperty() {
        return worseSlicesHeading.getReadOnlyProperty();
    }

    /**
     * The clipboard text for a decision's note or a message to the team: the heading, then the {@code chosen} lines
     * (every line when none is chosen), each marked as the list shows it.
     */
    public String worseSlicesText(List<String> chosen) {
        return worseSlicesHeading.get() + "\n" + (chosen.isEmpty() ? worseSlices : chosen).stream()
                .map(line -> WORSE_MARK + line + "\n").collect(Collectors.joining());
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

    public ReadOnlyObjectProperty<Reviewed> reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvidencePageId> selectedEvidenceProperty() {
        return selectedEvidence.getReadOnlyProperty();
    }
}
