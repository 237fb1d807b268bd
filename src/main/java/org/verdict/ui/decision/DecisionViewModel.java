package org.verdict.ui.decision;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.GateOverride;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.PackBinding;
import org.verdict.core.ledger.Quorum;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TriggerEvidence;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.SampledProgress;
import org.verdict.ui.theme.Palette;

/**
 * The Decision dialog's state: pre-filled from the review pack (model, versions, data snapshot, evidence hashes,
 * the gate table and triggers when the caller has them); the person picks the decision, writes the rationale and
 * signs with their key, which appends the record to the chosen decision log off the FX thread.
 */
public final class DecisionViewModel {
    private static final String PROMOTE = DecisionRecord.PROMOTE;

    /** A gate the record would promote over, with the board's justification for it (required to sign). */
    public record Justification(String gate, String result, StringProperty justification) {
    }

    /**
     * What the person entered, kept when the dialog closes unsigned, so that closing it (Esc, by mistake) loses no
     * rationale or justification: opening it again on the same pack and candidate resumes it.
     */
    public record Draft(RecordKind kind, String decision, String candidate, String dataSnapshot, String rationale,
                        String approvers, LocalDate decisionDate, LocalDate plannedDeployment, Path store,
                        Path keyFile, Map<String, String> justifications) {
        public Draft {
            justifications = Map.copyOf(justifications);
        }

        /** Nothing chosen or written yet: the dialog as it opens, worth no draft. */
        public boolean isBlank() {
            return decision == null && isBlank(rationale) && isBlank(approvers)
                    && justifications.values().stream().allMatch(Draft::isBlank);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    private final ReviewPack pack;
    private final ResourceBundle text;
    private final DecisionAppender appender;
    private final EvaluationSummary evaluation;
    private final BackgroundExecutor executor;
    private final ObjectProperty<RecordKind> kind = new SimpleObjectProperty<>(RecordKind.PROMOTION);
    private final ObservableList<RecordKind> kinds = FXCollections.observableArrayList(RecordKind.PROMOTION, RecordKind.RETRAINING);
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final StringProperty decision = new SimpleStringProperty();
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final StringProperty candidate = new SimpleStringProperty();
    private final StringProperty dataSnapshot = new SimpleStringProperty("");
    private final StringProperty rationale = new SimpleStringProperty("");
    private final StringProperty approvers = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> decisionDate;
    private final ObjectProperty<LocalDate> plannedDeployment = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> store = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final ObservableList<Map.Entry<String, String>> evidenceFiles;
    private final ObservableList<GateOutcome> gates;
    private final ObservableList<TriggerEvidence> triggers;
    private final ObservableList<Justification> overrides = FXCollections.observableArrayList();
    private final BooleanBinding overriding;
    private final ReadOnlyBooleanWrapper signing = new ReadOnlyBooleanWrapper(false);
    /** Guards {@link #appending}: Cancel and the start of the append must not cross. */
    private final Object appendLock = new Object();
    private boolean appending;
    private SampledProgress signingProgress;
    /** The dialog's progress bar: the main window's status bar is behind the modal dialog. */
    private final ActivityMonitor signingActivity;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LoggedRecord> signedRecord = new ReadOnlyObjectWrapper<>();
    private final StringBinding missing;
    private final StringBinding promotionWarning;
    private final WorseFindings worse;
    private final StringBinding worseWarning;
    private final BooleanBinding canSign;
    /** The decision standing in the chosen log on the question this record decides, as last looked up; or null. */
    private final ReadOnlyObjectWrapper<Standing> standing = new ReadOnlyObjectWrapper<>();
    /** Counts look-ups, so that a slow one finishing after a later one does not overwrite its answer. */
    private long standingLookups;
    private final StringBinding standingNotice;
    private final StringBinding choicesNotice;

    /** A decision in the log with the record it states. */
    private record Standing(LoggedRecord logged, DecisionRecord record) {
    }

    /**
     * A dialog whose gate table was judged on the pack's first candidate (or that has none).
     *
     * @param evaluation the gate table and key metrics when the gates ran; null when they did not
     * @param triggers the retraining triggers as evaluated; empty when no monitoring evidence was given
     */
    public DecisionViewModel(ReviewPack pack, EvaluationSummary evaluation, List<TriggerEvidence> triggers,
                             BackgroundExecutor executor, Clock clock) {
        this(pack, new DecisionPrefill(evaluation == null ? null : pack.manifest().candidateVersion(null), evaluation,
                triggers, WorseFindings.NONE), executor, clock);
    }

    /**
     * @param prefill the judged candidate, its gate table and triggers; the gate table is what the record states,
     *                so it is shown, never edited, and the candidate cannot be switched to one whose gates it is not
     * @param executor runs key decryption and the append off the FX thread; an unexpected failure goes to its handler
     */
    public DecisionViewModel(ReviewPack pack, DecisionPrefill prefill, BackgroundExecutor executor, Clock clock) {
        this(pack, prefill, executor, clock, ResourceBundle.getBundle("org.verdict.ui.decision.decision"),
                DecisionAppender.onDisk());
    }

    /**
     * @param text the decision bundle, for what the dialog says about signing
     * @param appender appends the signed record to the chosen log
     */
    public DecisionViewModel(ReviewPack pack, DecisionPrefill prefill, BackgroundExecutor executor, Clock clock,
                             ResourceBundle text, DecisionAppender appender) {
        this.pack = pack;
        this.text = text;
        this.appender = appender;
        this.evaluation = prefill.evaluation() == null ? new EvaluationSummary(List.of(), List.of())
                : prefill.evaluation();
        this.executor = executor;
        this.signingActivity = new ActivityMonitor(clock::millis);
        this.decisionDate = new SimpleObjectProperty<>(LocalDate.now(clock));
        this.evidenceFiles = FXCollections.observableArrayList(pack.fileHashes().entrySet());
        this.gates = FXCollections.observableArrayList(this.evaluation.gates());
        this.triggers = FXCollections.observableArrayList(prefill.triggers());
        this.worse = prefill.worse();
        if (prefill.candidate() != null) {
            candidates.add(prefill.candidate());
        } else {
            pack.manifest().candidates().forEach(c -> candidates.add(c.version()));
        }
        candidate.addListener((o, was, version) -> dataSnapshot.set(candidateVersion(version).dataSnapshot()));
        candidate.set(candidates.isEmpty() ? null : candidates.get(0));
        this.evaluation.blockingGates().forEach(g -> overrides.add(new Justification(g.gate(), g.result(),
                new SimpleStringProperty(""))));
        kind.addListener((o, was, now) -> decisionsFor(now));
        decisionsFor(kind.get());
        overriding = Bindings.createBooleanBinding(() -> overrides(decision.get()), kind, decision);
        List<Observable> inputs = new ArrayList<>(List.of(kind, decision, rationale, approvers,
                dataSnapshot, store, keyFile, candidate));
        overrides.forEach(o -> inputs.add(o.justification()));
        missing = Bindings.createStringBinding(this::whatIsMissing, inputs.toArray(Observable[]::new));
        canSign = missing.isEmpty().and(signing.not()).and(signedRecord.isNull());
        promotionWarning = Bindings.createStringBinding(() -> warnAboutBlockedGates(decision.get()), kind, decision);
        worseWarning = Bindings.createStringBinding(() -> warnAboutWorse(decision.get()), kind, decision);
        standingNotice = Bindings.createStringBinding(() -> describeStanding(decision.get()), standing, decision);
        choicesNotice = Bindings.createStringBinding(() -> describeChoices(decision.get()), kind, decision, decisions);
        // what the question is (kind, candidate) or where it is asked (the log) changed: look again
        kind.addListener((o, was, now) -> lookUpStanding());
        candidate.addListener((o, was, now) -> lookUpStanding());
        store.addListener((o, was, now) -> lookUpStanding());
    }

    /**
     * Reads off the FX thread which decision stands in the chosen log on the question the form decides, as the
     * ledger defines both ({@link org.verdict.core.ledger.StandingDecisions}). A log that cannot be read shows
     * nothing here: signing verifies it and says why it is refused.
     */
    private void lookUpStanding() {
        long lookup = ++standingLookups;
        standing.set(null);
        Path storePath = store.get();
        if (storePath == null) {
            return;
        }
        DecisionRecord question = recordAsFilledIn().apply(null);
        executor.run(work -> appender.standingOn(storePath, question).flatMap(logged -> logged.statement()
                        .map(statement -> new Standing(logged, statement.record()))))
                .onSuccess(found -> {
                    if (lookup == standingLookups) {
                        standing.set(found.orElse(null));
                    }
                }).onError(failure -> {
                    if (!(failure instanceof LedgerException)) {
                        executor.reportUnhandled(failure);
                    }
                }).start();
    }

    /**
     * Said before signing, so that a decision never replaces another unseen: which decision stands, and whether this
     * one repeats or replaces it (then the record amends it, as {@code log append} needs).
     */
    private String describeStanding(String choice) {
        Standing current = standing.get();
        if (current == null) {
            return "";
        }
        DecisionRecord record = current.record();
        List<String> approved = record.approvers() != null && !record.approvers().isEmpty() ? record.approvers()
                : record.approver() == null ? List.of() : List.of(record.approver());
        String key = choice == null ? "decision.standing"
                : replacesStanding(choice) ? "decision.standing.replaced" : "decision.standing.repeated";
        return say(key, String.valueOf(current.logged().sequence()), record.action(), String.join(", ", approved),
                String.valueOf(record.decisionDate()));
    }

    /**
     * In the room the notices take, never a blank band: before a choice is made, what each will need to be signed
     * (what every choice needs, and for a promotion what promoting adds: a justification per gate that does not pass,
     * the worse findings to read); once one is made and it has no notice of its own, what it needs of the gates.
     */
    private String describeChoices(String choice) {
        if (decisions.isEmpty()) {
            return "";
        }
        if (choice != null) {
            boolean saysMore = !(describeStanding(choice) + warnAboutBlockedGates(choice) + warnAboutWorse(choice))
                    .isEmpty();
            return saysMore ? "" : kind.get() == RecordKind.PROMOTION && PROMOTE.equals(choice) ? promoteNeeds()
                    : say("decision.choices.chosen", choice);
        }
        String every = say("decision.choices.every", String.join(", ", decisions),
                kind.get() == RecordKind.PROMOTION ? 1 : 0);
        if (kind.get() != RecordKind.PROMOTION) {
            return every;
        }
        return every + " " + promoteNeeds() + (worse.isEmpty() ? "" : " " + text.getString("decision.choices.worse"));
    }

    /** What promoting needs of the gates: a justification for each that does not pass, or none. */
    private String promoteNeeds() {
        return !overrides.isEmpty()
                ? say("decision.choices.overrides", overrides.size(), overrides.stream()
                        .map(o -> say("decision.override.gate", o.gate(), o.result()))
                        .collect(Collectors.joining(", ")))
                : gates.isEmpty() ? text.getString("decision.choices.noGateTable")
                : text.getString("decision.choices.noOverride");
    }

    /** Whether the chosen decision answers the question otherwise than the decision standing on it. */
    private boolean replacesStanding(String choice) {
        return standing.get() != null && choice != null && !choice.equals(standing.get().record().decision());
    }

    /**
     * A promote is signed with what else is significantly worse in view, as the Gates view lists it: the gate table
     * the record states judges none of it (a metric 0.047 worse passed in silence with every gate passing).
     */
    private String warnAboutWorse(String choice) {
        if (kind.get() != RecordKind.PROMOTION || !PROMOTE.equals(choice) || worse.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!worse.overall().isEmpty()) {
            parts.add(say("decision.worse.overall", worse.overall().size()) + marked(worse.overall()));
        }
        if (!worse.lostClasses().isEmpty()) {
            parts.add(worse.lostClasses());
        }
        if (!worse.slices().isEmpty()) {
            // the Gates view's heading, word for word: how many slices were tested, and which could not be
            parts.add(worse.slicesHeading() + marked(worse.slices()));
        }
        if (!worse.heldOut().isEmpty()) {
            parts.add(worse.heldOutHeading() + marked(worse.heldOut()));
        }
        return String.join("\n", parts);
    }

    private static String marked(List<String> lines) {
        return lines.stream().map(line -> "\n" + Palette.WORSE_MARK + " " + line).collect(Collectors.joining());
    }

    /**
     * Promoting over gates that fail or lack evidence is the board's call to make, so it is allowed, but never by
     * oversight: the gates are named, each needs a written justification, and the record says so everywhere.
     */
    private String warnAboutBlockedGates(String choice) {
        if (!overrides(choice)) {
            return "";
        }
        String blocked = overrides.stream().map(o -> say("decision.override.gate", o.gate(), o.result()))
                .collect(Collectors.joining(", "));
        return say("decision.promotionWarning", overrides.size(), blocked, DecisionRecord.PROMOTED_OVER_BLOCKED_GATES,
                requiredSigners());
    }

    /** Whether {@code choice} promotes over gates that fail or lack evidence. */
    private boolean overrides(String choice) {
        return kind.get() == RecordKind.PROMOTION && PROMOTE.equals(choice) && !overrides.isEmpty();
    }

    /** The decision bundle's text for {@code key} with {@code arguments} filled in. */
    private String say(String key, Object... arguments) {
        return MessageFormat.format(text.getString(key), arguments);
    }

    private void decisionsFor(RecordKind recordKind) {
        decisions.setAll(recordKind.decisions());
        decision.set(null);
    }

    private ModelVersion candidateVersion(String version) {
        return pack.manifest().candidates().stream().filter(c -> c.version().equals(version)).findFirst()
                .orElse(pack.manifest().production());
    }

    private String whatIsMissing() {
        List<String> missingParts = new ArrayList<>();
        if (decision.get() == null) {
            missingParts.add(text.getString("decision.missing.decision"));
        }
        if (rationale.get() == null || rationale.get().isBlank()) {
            missingParts.add(text.getString("decision.missing.rationale"));
        }
        if (dataSnapshot.get() == null || dataSnapshot.get().isBlank()) {
            missingParts.add(text.getString("decision.missing.dataSnapshot"));
        }
        if (kind.get() == RecordKind.PROMOTION && (approvers.get() == null || approvers.get().isBlank())) {
            missingParts.add(text.getString("decision.missing.approvers"));
        }
        if (kind.get() == RecordKind.PROMOTION && PROMOTE.equals(decision.get()) && gates.isEmpty()) {
            missingParts.add(text.getString("decision.missing.gateTable"));
        }
        if (overriding.get()) {
            // the rule log append applies: a blank justification is missing, a short one ("X") says too little
            List<String> unjustified = new ArrayList<>();
            for (Justification o : overrides) {
                String shortfall = GateOverride.shortfall(o.justification().get());
                if (shortfall != null) {
                    unjustified.add(shortfall.isEmpty() ? o.gate()
                            : say("decision.override.gate", o.gate(), shortfall));
                }
            }
            if (!unjustified.isEmpty()) {
                missingParts.add(say("decision.missing.justification", String.join(", ", unjustified)));
            }
        }
        if (kind.get() == RecordKind.RETRAINING && triggers.isEmpty()) {
            missingParts.add(text.getString("decision.missing.triggers"));
        }
        if (store.get() == null) {
            missingParts.add(text.getString("decision.missing.store"));
        }
        if (keyFile.get() == null) {
            missingParts.add(text.getString("decision.missing.keyFile"));
        }
        return missingParts.isEmpty() ? "" : say("decision.stillNeeded", String.join(", ", missingParts));
    }

    /** The record as it will be signed; {@code approverName} is the signer's (used for a retraining record). */
    public DecisionRecord record(String approverName) {
        return recordAsFilledIn().apply(approverName);
    }

    /**
     * The form's values read now, on the FX thread, as a record waiting only for the signer's name (known once the
     * key is unlocked): the worker never reads a property the person could still be editing.
     */
    private Function<String, DecisionRecord> recordAsFilledIn() {
        Evidence evidence = Evidence.of(pack);
        String model = pack.manifest().model().name();
        String date = decisionDate.get() == null ? null : decisionDate.get().toString();
        String chosen = decision.get();
        String why = rationale.get();
        String snapshot = dataSnapshot.get();
        // the decision shown as standing, when this one replaces it: the log refuses it if another stands by then
        String amends = replacesStanding(decision.get()) ? standing.get().logged().recordId() : null;
        if (kind.get() == RecordKind.RETRAINING) {
            List<TriggerEvidence> evaluatedTriggers = List.copyOf(triggers);
            return approverName -> new DecisionRecord(RecordKind.RETRAINING, model, date, chosen, why, snapshot,
                    evaluatedTriggers, approverName, null, null, null, null, null, null, amends, null, evidence);
        }
        List<String> names = Arrays.stream(approvers.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<GateOverride> justified = overriding.get() ? overrides.stream()
                .map(o -> new GateOverride(o.gate(), o.justification().get().strip())).toList() : List.of();
        DecisionRecord promotion = new DecisionRecord(RecordKind.PROMOTION, model, date, chosen, why, snapshot,
                null, null, candidate.get(), pack.manifest().production().version(), pack.manifest().model().riskTier(),
                evaluation, names, plannedDeployment.get() == null ? null : plannedDeployment.get().toString(),
                amends, null, evidence).withOverrides(justified);
        return approverName -> promotion;
    }

    /**
     * Decrypts the key with {@code passphrase}, signs and appends the record; the passphrase is wiped afterwards.
     * The form's values are taken before the work starts and the form is disabled ({@link #signingProperty()})
     * until it ends. A record that does not describe the pack (a data snapshot typed other than the candidate's) is
     * refused before the key is unlocked. A ledger problem (wrong passphrase, locked store) is said in
     * {@link #statusProperty()}; any
     * other failure goes to the executor's one handler, and the form comes back either way.
     */
    public void sign(char[] passphrase) {
        if (!canSign.get()) {
            return;
        }
        Path storePath = store.get();
        Path keyPath = keyFile.get();
        Function<String, DecisionRecord> filledIn = recordAsFilledIn();
        try {
            // the signer's name only fills a retraining's approver, about which the pack says nothing
            PackBinding.check(filledIn.apply(null), pack.manifest(), text.getString("decision.recordSubject"),
                    pack.source().toString());
        } catch (LedgerException refused) {
            Arrays.fill(passphrase, '\0');
            status.set(refused.getMessage());
            return;
        }
        signing.set(true);
        status.set(text.getString("decision.signing"));
        synchronized (appendLock) {
            appending = false;
        }
        SampledProgress progress = executor.run(work -> {
            try {
                work.update(0.05, text.getString("decision.progress.unlocking"));
                SignerKey key = KeyFile.read(keyPath).unlock(passphrase);
                work.update(0.5, text.getString("decision.progress.appending"));
                synchronized (appendLock) {
                    if (work.isCancelled()) {
                        throw new CancelledException();
                    }
                    appending = true;
                }
                // a log that does not verify is refused with what `log verify` says first, and nothing written
                DecisionAppender.Appended appended = appender.append(storePath,
                        filledIn.apply(key.identity().name()), key, new Progress() {
                            @Override
                            public void update(double fraction, String message) {
                                work.update(0.5 + 0.3 * fraction, say("decision.progress.beforeAppending", message));
                            }

                            @Override
                            public boolean isCancelled() {
                                // the append has begun: it runs to the end, so a stored record is always reported
                                return false;
                            }
                        });
                return new Signed(appended.record(), say("decision.appended",
                        String.valueOf(appended.record().sequence()), appended.record().shortId(),
                        appended.quorum().label()));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }).showProgressIn(signingActivity, text.getString("decision.signingActivity")).onSuccess(signed -> {
            status.set(signed.outcome());
            signedRecord.set(signed.record());
        }).onCancelled(() -> status.set(text.getString("decision.signingCancelled")))
                .onError(failure -> {
                    if (failure instanceof LedgerException problem) {
                        status.set(problem.getMessage());
                        // e.g. another decision came to stand since it was read: show the one standing now
                        lookUpStanding();
                    } else {
                        status.set(say("decision.unexpectedFailure", failure.getClass().getSimpleName()));
                        executor.reportUnhandled(failure);
                    }
                }).andFinally(() -> signing.set(false)).start();
        signingProgress = progress;
    }

    /**
     * Stops a signing that has not begun to append; once the append has begun it runs to the end, so a record that
     * was stored is always reported.
     */
    public void cancelSigning() {
        if (!signing.get() || signingProgress == null) {
            return;
        }
        synchronized (appendLock) {
            if (!appending) {
                signingProgress.cancel();
            }
        }
    }

    private record Signed(LoggedRecord record, String outcome) {
    }

    /** What the form holds now, to resume it after the dialog closes unsigned. */
    public Draft draft() {
        Map<String, String> justified = overrides.stream().collect(Collectors.toMap(Justification::gate,
                o -> o.justification().get() == null ? "" : o.justification().get(), (a, b) -> a));
        return new Draft(kind.get(), decision.get(), candidate.get(), dataSnapshot.get(), rationale.get(),
                approvers.get(), decisionDate.get(), plannedDeployment.get(), store.get(), keyFile.get(), justified);
    }

    /**
     * Puts back what {@link #draft()} kept; a candidate this dialog does not offer (the gates were judged on another
     * since) is left as it opened, with its own data snapshot. Says so in {@link #statusProperty()}.
     */
    public void resume(Draft draft) {
        kind.set(draft.kind());
        if (draft.decision() != null && decisions.contains(draft.decision())) {
            decision.set(draft.decision());
        }
        if (candidates.contains(draft.candidate())) {
            candidate.set(draft.candidate());
            dataSnapshot.set(draft.dataSnapshot());
        }
        rationale.set(draft.rationale());
        approvers.set(draft.approvers());
        decisionDate.set(draft.decisionDate());
        plannedDeployment.set(draft.plannedDeployment());
        store.set(draft.store());
        keyFile.set(draft.keyFile());
        overrides.forEach(o -> o.justification().set(draft.justifications().getOrDefault(o.gate(), "")));
        status.set(text.getString("decision.resumed"));
    }

    public String modelName() {
        return pack.manifest().model().name();
    }

    public String productionVersion() {
        return pack.manifest().production().version();
    }

    public int riskTier() {
        return pack.manifest().model().riskTier();
    }

    /** The roles whose signatures the risk tier needs as the approval pack names them: AI Safety, Product, ML Lead. */
    public String requiredSigners() {
        List<String> roles = Quorum.requiredRoles(riskTier());
        return roles.isEmpty() ? text.getString("decision.signerAlone")
                : roles.stream().map(Roles::display).collect(Collectors.joining(", "));
    }

    public ObjectProperty<RecordKind> kindProperty() {
        return kind;
    }

    public ObservableList<RecordKind> kinds() {
        return kinds;
    }

    public ObservableList<String> decisions() {
        return decisions;
    }

    public StringProperty decisionProperty() {
        return decision;
    }

    public ObservableList<String> candidates() {
        return candidates;
    }

    public StringProperty candidateProperty() {
        return candidate;
    }

    public StringProperty dataSnapshotProperty() {
        return dataSnapshot;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public StringProperty approversProperty() {
        return approvers;
    }

    public ObjectProperty<LocalDate> decisionDateProperty() {
        return decisionDate;
    }

    public ObjectProperty<LocalDate> plannedDeploymentProperty() {
        return plannedDeployment;
    }

    public ObjectProperty<Path> storeProperty() {
        return store;
    }

    public ObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }

    public ObservableList<Map.Entry<String, String>> evidenceFiles() {
        return evidenceFiles;
    }

    public ObservableList<GateOutcome> gates() {
        return gates;
    }

    public ObservableList<TriggerEvidence> triggers() {
        return triggers;
    }

    /** Empty when the record is complete and can be signed; else what is still needed, in words. */
    public StringBinding missingProperty() {
        return missing;
    }

    /** The gates a promote would override, each with its justification field; empty when every gate passes. */
    public ObservableList<Justification> overrides() {
        return overrides;
    }

    /** True while the person chose to promote over gates that fail or lack evidence. */
    public BooleanBinding overridingProperty() {
        return overriding;
    }

    /** Empty unless the person chose to promote over blocked gates; then a warning that names those gates. */
    public StringBinding promotionWarningProperty() {
        return promotionWarning;
    }

    /**
     * Empty unless the person chose to promote while something is significantly worse that no gate judges (other
     * metrics, slices of the primary metric); then those findings, one marked line each.
     */
    public StringBinding worseWarningProperty() {
        return worseWarning;
    }

    /**
     * Empty unless a decision stands in the chosen log on this question; then which one, and whether signing repeats
     * it or replaces it (the record then amends it).
     */
    public StringBinding standingNoticeProperty() {
        return standingNotice;
    }

    /**
     * Before a choice is made, what each choice will need to be signed; after, what the choice needs of the gates
     * where it has no other notice; empty where it has one.
     */
    public StringBinding choicesNoticeProperty() {
        return choicesNotice;
    }

    /** A record is signed once: after it is appended the dialog only closes. */
    public BooleanBinding canSignProperty() {
        return canSign;
    }

    /** Progress of the signing under way, for the dialog's progress bar. */
    public ActivityMonitor signingActivity() {
        return signingActivity;
    }

    public ReadOnlyBooleanProperty signingProperty() {
        return signing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoggedRecord> signedRecordProperty() {
        return signedRecord.getReadOnlyProperty();
    }
}
