package org.verdict.ui.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.Integrity;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LogVerifier.SignatureCheck;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.Quorum;
import org.verdict.core.ledger.RecordFields;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.RecordSignature;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.StandingDecisions;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.UnreadableLogException;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.task.Progress;
import org.verdict.ui.audit.AuditRow.SignatureRow;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.SampledProgress;

/**
 * The Audit view's state: a store opened read-only and verified off the FX thread, its records filtered by
 * search text, kind, decision, approver and date range, the selected record's details and a side-by-side
 * comparison of two records.
 */
public final class AuditViewModel {
    /** Problems the header lists before "and N more": a tampered log's header stays a few lines high. */
    static final int LISTED_PROBLEMS = 5;
    /** The filter value that lets everything through. */
    public static final String ANY = "any";

    private final BackgroundExecutor executor;
    private final ResourceBundle text;
    private final AuditedLogs logs;
    private final LogVerifier verifier;
    private final ActivityMonitor activity;
    private final ObservableList<AuditRow> records = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> visibleRecords = new FilteredList<>(records);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty(ANY);
    private final StringProperty kind = new SimpleStringProperty(ANY);
    private final StringProperty decision = new SimpleStringProperty(ANY);
    private final StringProperty approver = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    /** Only the records that show tampering: a changed one among many that only break the signing policy. */
    private final BooleanProperty tamperedOnly = new SimpleBooleanProperty(false);
    private final ObservableList<String> models = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storeName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("");
    /** Whether the summary lists every problem of the log, not only the first {@link #LISTED_PROBLEMS}. */
    private final BooleanProperty everyProblemListed = new SimpleBooleanProperty(false);
    /** What leads from the summary to the problems it leaves out, or back to the first few; empty if none are left out. */
    private final ReadOnlyStringWrapper moreProblems = new ReadOnlyStringWrapper("");
    /** The verified log's summary, kept to list more or fewer of its problems; null while none is shown. */
    private Summary summary;
    /** The opened log's standing; null while none was verified (not yet, or it could not be opened). */
    private final ReadOnlyObjectWrapper<Integrity> integrity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper cosignOutcome = new ReadOnlyStringWrapper("");
    /** A signer of the selected record whose registration awaits an endorsement, or null. */
    private final ReadOnlyObjectWrapper<AwaitingEndorsement> awaitingEndorsement = new ReadOnlyObjectWrapper<>();
    /** By key id: the open log's registrations the endorsement rule finds unendorsed, in the log's order. */
    private Map<String, AwaitingEndorsement> unendorsed = Map.of();
    /** Why {@link #awaitingEndorsement}'s signatures do not count and how to check the key; empty when none. */
    private final ReadOnlyStringWrapper endorsementNote = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AuditRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<Map.Entry<String, String>> details = FXCollections.observableArrayList();
    private final ObservableList<SignatureRow> signatures = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRow> left = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRow> right = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> openedStore = new ReadOnlyObjectWrapper<>();
    /** The decision store decisions are signed into, which the status bar names; null when the app has none. */
    private final ObjectProperty<Path> storeInUse = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper openFailed = new ReadOnlyBooleanWrapper(false);
    /** The file is no log any more, though the kept checkpoint covers records: it was wiped or cut short. */
    private final ReadOnlyBooleanWrapper logDestroyed = new ReadOnlyBooleanWrapper(false);
    private final StringBinding emptyTableMessage;
    private final ObservableList<ComparisonLine> comparison = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> trustedSigners = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> keptCheckpoint = new ReadOnlyObjectWrapper<>();
    /** The log the kept checkpoint was chosen for: it is never applied to another one. */
    private Path checkpointChosenFor;
    /** Why the kept checkpoint was let go when this log was opened, shown in its header; null if it was not. */
    private String checkpointDropped;
    private Path currentStore;
    private SampledProgress running;

    /**
     * @param executor runs the opening, verification and co-signing of a store off the FX thread
     * @param activity shows their progress with a Cancel button
     */
    public AuditViewModel(BackgroundExecutor executor, ActivityMonitor activity) {
        this(executor, activity, ResourceBundle.getBundle("org.verdict.ui.audit.audit"), AuditedLogs.onDisk(),
                new LogVerifier());
    }

    /**
     * @param text the audit bundle, for what the view-model says
     * @param logs reads and co-signs the logs audited
     * @param verifier checks what {@code logs} read
     */
    public AuditViewModel(BackgroundExecutor executor, ActivityMonitor activity, ResourceBundle text,
                          AuditedLogs logs, LogVerifier verifier) {
        this.executor = executor;
        this.activity = activity;
        this.text = text;
        this.logs = logs;
        this.verifier = verifier;
        emptyTableMessage = Bindings.createStringBinding(() -> {
            if (!records.isEmpty()) {
                return text.getString("audit.empty.filtered");
            }
            if (loading.get()) {
                return text.getString("audit.empty.loading");
            }
            if (logDestroyed.get()) {
                // never "No decisions in this store yet": appending to it would bury the evidence
                return text.getString("audit.empty.destroyed");
            }
            if (openFailed.get()) {
                // the header says why in red; an empty store's invitation here would contradict it
                return text.getString("audit.empty.openFailed");
            }
            if (!storeName.get().isEmpty()) {
                return text.getString("audit.empty.noDecisions");
            }
            // the status bar names the store in use all along: this says the same of it, not "no log"
            return storeInUse.get() == null ? text.getString("audit.empty.noLog")
                    : say("audit.empty.noLogOpened", storeInUse.get().getFileName());
        }, records, storeName, loading, openFailed, logDestroyed, storeInUse);
        kinds.add(ANY);
        for (RecordKind k : RecordKind.values()) {
            kinds.add(k.wireName());
        }
        decisions.add(ANY);
        for (RecordKind k : RecordKind.values()) {
            decisions.addAll(k.decisions());
        }
        search.addListener((o, a, b) -> refilter());
        model.addListener((o, a, b) -> refilter());
        kind.addListener((o, a, b) -> refilter());
        decision.addListener((o, a, b) -> refilter());
        approver.addListener((o, a, b) -> refilter());
        from.addListener((o, a, b) -> refilter());
        to.addListener((o, a, b) -> refilter());
        tamperedOnly.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, row) -> showDetails(row));
        left.addListener((o, a, b) -> compare());
        right.addListener((o, a, b) -> compare());
        everyProblemListed.addListener((o, a, b) -> writeSummary());
    }

    /**
     * Opens {@code store} read-only, verifies it (against the trusted signers list when one is chosen) and shows
     * its records; a problem is shown, never thrown. A verification still running for another store is cancelled.
     */
    public void open(Path store) {
        if (keptCheckpoint.get() != null && checkpointChosenFor != null && !store.equals(checkpointChosenFor)) {
            // a checkpoint belongs to the log it was chosen for: kept for the next, it would only call that one tampered
            checkpointDropped = say("audit.checkpointOfAnotherLog", keptCheckpoint.get().getFileName(),
                    checkpointChosenFor.getFileName(), store.getFileName());
            keptCheckpoint.set(null);
        } else if (!store.equals(currentStore)) {
            checkpointDropped = null;
        }
        if (keptCheckpoint.get() != null) {
            // one chosen before any log was open is for the first one opened
            checkpointChosenFor = store;
        }
        // the summary is this log's from now on: "verifying …", then its verdict
        summary = null;
        moreProblems.set("");
        if (!store.equals(currentStore)) {
            // nothing of the previous log stays in view while this one is read: its records, what its co-signing
            // did, the status bar's name of the log Audit shows, and whether all its problems were listed
            records.clear();
            cosignOutcome.set("");
            unendorsed = Map.of();
            everyProblemListed.set(false);
        }
        currentStore = store;
        openedStore.set(store);
        openFailed.set(false);
        logDestroyed.set(false);
        loading.set(true);
        storeName.set(store.getFileName().toString());
        // not yet judged: neither the last log's standing nor a problem
        integrity.set(null);
        verification.set(say("audit.verifying", store.getFileName()));
        Path roster = trustedSigners.get();
        Path kept = keptCheckpoint.get();
        if (running != null) {
            running.cancel();
        }
        SampledProgress[] self = new SampledProgress[1];
        SampledProgress started = executor.run(progress -> verify(store, roster, kept, progress))
                .showProgressIn(activity, say("audit.verifyingActivity", store.getFileName()))
                .onSuccess(result -> {
                    if (result.checkpointRefused() != null) {
                        checkpointDropped = say("audit.checkpointRefused", result.checkpointRefused());
                        keptCheckpoint.set(null);
                    }
                    if (result.destroyed() != null) {
                        destroyed(result.destroyed());
                    } else {
                        unendorsed = result.unendorsed();
                        show(store, result.rows(), result.report(), result.storeNote(), roster,
                                result.checkpointRefused() == null ? kept : null);
                    }
                })
                .onError(failure -> {
                    if (failure instanceof LedgerException problem) {
                        fail(problem.getMessage());
                    } else {
                        fail(say("audit.unexpectedError", failure.getClass().getSimpleName()));
                        executor.reportUnhandled(failure);
                    }
                })
                .onCancelled(() -> {
                    // a verification superseded by a newer one is silent; one the person cancelled says so
                    if (running == self[0]) {
                        fail(text.getString("audit.verificationCancelled"));
                    }
                })
                .start();
        self[0] = started;
        running = started;
    }

    /** The audit bundle's text for {@code key} with {@code arguments} filled in. */
    private String say(String key, Object... arguments) {
        return MessageFormat.format(text.getString(key), arguments);
    }

    /**
     * @param checkpointRefused why the kept checkpoint was not applied (it is of another log), or null
     * @param destroyed the finding when the file cannot be read as a log but the kept checkpoint covers records (they
     *                  were removed), as {@code log verify --checkpoint} gives it; null otherwise
     */
    private record Verified(List<AuditRow> rows, VerificationReport report, String checkpointRefused,
                            String destroyed, Map<String, AwaitingEndorsement> unendorsed, String storeNote) {
    }

    /**
     * A registration that the endorsement rule finds unendorsed, so that the key's signatures count towards no quorum
     * until a signer the log vouches for endorses it.
     *
     * @param why the rule's finding, as {@code log verify} words it after the signer
     */
    public record AwaitingEndorsement(String name, String role, String keyId, long entry, String why) {
    }

    private Verified verify(Path store, Path roster, Path kept, Progress progress) throws LedgerException {
        TrustedSigners signers = roster == null ? null : TrustedSigners.read(roster);
        Checkpoint checkpoint = kept == null ? null : Checkpoint.readJson(kept);
        LogSnapshot snapshot;
        try {
            snapshot = logs.read(store);
        } catch (UnreadableLogException unreadable) {
            // an empty or damaged file the kept checkpoint says held records: evidence of tampering, not an I/O error
            String destroyed = checkpoint == null ? null : unreadable.destroyedAgainst(store, checkpoint, kept);
            if (destroyed == null) {
                throw unreadable;
            }
            return new Verified(List.of(), null, null, destroyed, Map.of(), null);
        }
        String refused = null;
        if (checkpoint != null) {
            try {
                checkpoint.requireOf(snapshot.origin(), kept.getFileName());
            } catch (LedgerException wrongLog) {
                // a wrong file, not evidence against this log: verified without it, and the header says why
                refused = wrongLog.getMessage();
                checkpoint = null;
            }
        }
        // the endorsement rule is required by default, as `log verify` checks it
        VerificationOptions options = new VerificationOptions(signers, checkpoint, VerificationOptions.Endorsements.REQUIRED);
        VerificationReport report = verifier.verify(snapshot, options, progress);
        Map<String, AwaitingEndorsement> awaiting = new LinkedHashMap<>();
        for (RegisteredSigner signer : snapshot.signers().values()) {
            String why = LogVerifier.endorsementFinding(snapshot, signer, options.endorsements());
            if (why != null && !signer.isRevoked()) {
                awaiting.put(signer.keyId(), new AwaitingEndorsement(signer.name(), signer.role(), signer.keyId(),
                        signer.registrationEntry(), why.strip()));
            }
        }
        return new Verified(rowsOf(snapshot, report), report, refused, null, awaiting,
                snapshot.unknownInfoNote().orElse(null));
    }

    /**
     * Verifies the open log again against the organisation's list of trusted signers ({@code null}: the log's own
     * register only): a signature by a key not in the list, or listed with another role, does not count.
     */
    public void useTrustedSigners(Path roster) {
        trustedSigners.set(roster);
        if (currentStore != null) {
            open(currentStore);
        }
    }

    /**
     * Verifies the open log again against a checkpoint kept outside it (from an approval pack or an export;
     * {@code null}: none): the log must still extend it.
     */
    public void useKeptCheckpoint(Path checkpoint) {
        keptCheckpoint.set(checkpoint);
        checkpointChosenFor = currentStore;
        checkpointDropped = null;
        if (currentStore != null) {
            open(currentStore);
        }
    }

    /** The checkpoint kept outside the log that it is verified against, or null. */
    public ReadOnlyObjectProperty<Path> keptCheckpointProperty() {
        return keptCheckpoint.getReadOnlyProperty();
    }

    /** The trusted signers list the log is verified against, or null for the log's own register. */
    public ReadOnlyObjectProperty<Path> trustedSignersProperty() {
        return trustedSigners.getReadOnlyProperty();
    }

    /**
     * Adds the signature of the key in {@code keyFile} to {@code row}'s record: the one action that opens the store
     * for writing. The passphrase is wiped afterwards; the store is shown again with the new signature.
     */
    public void cosign(AuditRow row, Path keyFile, char[] passphrase) {
        Path store = currentStore;
        loading.set(true);
        executor.run(progress -> {
            try {
                SignerKey key = KeyFile.read(keyFile).unlock(passphrase);
                logs.cosign(store, String.valueOf(row.sequence()), key);
                return say("audit.cosigned", String.valueOf(row.sequence()), key.identity());
            } catch (LedgerException e) {
                return e.getMessage();
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }).showProgressIn(activity, say("audit.cosignActivity", String.valueOf(row.sequence())))
                .onSuccess(message -> {
                    cosignOutcome.set(message);
                    open(store);
                })
                .onError(failure -> {
                    cosignOutcome.set(say("audit.cosignFailed", failure.getClass().getSimpleName()));
                    executor.reportUnhandled(failure);
                    open(store);
                })
                // a signature may have been stored before the cancel took effect: show the store as it is
                .onCancelled(() -> open(store))
                .start();
    }

    /**
     * Endorses, with the key in {@code keyFile}, the registration {@link #awaitingEndorsementProperty} names: the core's
     * {@code DecisionLog.endorse}, as {@code log register --endorse-key} does it. Refused, with the log's words, on a
     * log that does not verify, with the signer's own key, a key the log does not register or one it does not vouch
     * for. The passphrase is wiped afterwards; the log is verified and shown again.
     */
    public void endorse(Path keyFile, char[] passphrase) {
        AwaitingEndorsement signer = awaitingEndorsement.get();
        Path store = currentStore;
        if (signer == null || store == null) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        loading.set(true);
        executor.run(progress -> {
            try {
                SignerKey key = KeyFile.read(keyFile).unlock(passphrase);
                logs.endorse(store, signer.keyId(), key);
                return new Endorsed(true, say("audit.endorsed", signer.name(), signer.role(), key.identity()));
            } catch (LedgerException e) {
                return new Endorsed(false, say("audit.notEndorsed", e.getMessage()));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }).showProgressIn(activity, say("audit.endorseActivity", signer.name()))
                .onSuccess(outcome -> {
                    cosignOutcome.set(outcome.message());
                    if (outcome.written()) {
                        open(store);
                    } else {
                        // nothing changed: the record stays selected, so another key file can be tried at once
                        loading.set(false);
                    }
                })
                .onError(failure -> {
                    cosignOutcome.set(say("audit.endorseFailed", failure.getClass().getSimpleName()));
                    executor.reportUnhandled(failure);
                    open(store);
                })
                .onCancelled(() -> open(store))
                .start();
    }

    /** What an endorsement did: written, or refused (nothing written) with why. */
    private record Endorsed(boolean written, String message) {
    }

    /**
     * After a record was signed into {@code store}: shows that store again, unless the auditor is looking at
     * another one.
     */
    public void recordSignedInto(Path store) {
        if (currentStore == null || currentStore.equals(store)) {
            open(store);
        }
    }

    /** What the empty record table says: how to get a first record, or that the filters hide every record. */
    public StringBinding emptyTableMessage() {
        return emptyTableMessage;
    }

    /**
     * The audit is of the log, not of one pack: when a pack opens and no log was opened yet (successfully or not),
     * the app's own decision log is shown if it exists. Whether it does is asked in the background: the log may be
     * on a network share that is asleep.
     */
    public void showAppStoreIfNoneOpen(Path appStore) {
        if (currentStore != null || appStore == null) {
            return;
        }
        executor.run(progress -> Files.isRegularFile(appStore))
                .onSuccess(exists -> {
                    if (exists && currentStore == null) {
                        open(appStore);
                    }
                })
                .start();
    }

    private void show(Path store, List<AuditRow> rows, VerificationReport report, String storeNote, Path roster,
                      Path kept) {
        records.setAll(rows);
        models.setAll(ANY);
        models.addAll(rows.stream().filter(row -> !row.missing()).map(AuditRow::model).distinct().sorted().toList());
        if (!models.contains(model.get())) {
            model.set(ANY);
        }
        integrity.set(Integrity.of(report.problems()));
        String verdict = report.summary() + ((report.isIntact() || report.isSuspect()) && kept == null
                ? text.getString("audit.chooseCheckpoint") : "")
                + (roster == null ? "" : say("audit.signersCheckedAgainst", roster.getFileName()))
                + (kept == null ? "" : say(report.outsideCheckpoint() != null
                        && report.outsideCheckpoint().policyOnly() ? "audit.checkpointUnchecked"
                        : report.outsideCheckpoint() != null && !report.outsideCheckpoint().consistent()
                        ? "audit.doesNotExtend"
                        // an intact summary says already that the log extends it: only which file is added
                        : report.isIntact() ? "audit.extendsNamed" : "audit.extends", kept.getFileName()));
        // ⚠ for a signing policy the log does not meet, ✖ for a change: as the records' badges say
        List<String> problems = inSummaryOrder(report.problems()).stream().map(p -> say(
                p.kind() == VerificationReport.Problem.Kind.TAMPERING ? "audit.problemLine.tampering"
                        : "audit.problemLine.policy", p)).toList();
        List<String> notes = new ArrayList<>();
        report.notes().forEach(note -> notes.add(say("audit.noteLine", note)));
        if (storeNote != null) {
            notes.add(say("audit.noteLine", storeNote));
        }
        if (checkpointDropped != null) {
            notes.add(say("audit.noteLine", checkpointDropped));
        }
        summary = new Summary(verdict, problems, notes);
        writeSummary();
        selected.set(null);
        left.set(null);
        right.set(null);
        loading.set(false);
    }

    /**
     * The problems in the order the summary lists them: first the one `log verify` prints first (the change it names,
     * a swap rather than the checkpoints it breaks), then those of the store as a whole (its guard, its register of
     * signers, its checkpoints), which no record's details show, then the rest in `log verify`'s order; every one that
     * shows a change before those of the signing policy, as the summary's verdict line says.
     */
    static List<VerificationReport.Problem> inSummaryOrder(List<VerificationReport.Problem> problems) {
        if (problems.isEmpty()) {
            return problems;
        }
        VerificationReport.Problem first = problems.get(0);
        return Stream.concat(Stream.of(first), problems.stream().filter(p -> !p.equals(first))
                .sorted(Comparator.comparing((VerificationReport.Problem p) -> p.kind() == VerificationReport.Problem.Kind.POLICY)
                        .thenComparing(p -> p.sequence() != null)))
                .toList();
    }

    /**
     * The summary with its first {@link #LISTED_PROBLEMS} problems (a tampered log's header stays a few lines high)
     * or, when asked, every one; and what leads to the others or back.
     */
    private void writeSummary() {
        if (summary == null) {
            moreProblems.set("");
            return;
        }
        int total = summary.problems().size();
        boolean shortened = total > LISTED_PROBLEMS && !everyProblemListed.get();
        List<String> lines = new ArrayList<>();
        lines.add(summary.verdict());
        lines.addAll(shortened ? summary.problems().subList(0, LISTED_PROBLEMS) : summary.problems());
        lines.addAll(summary.notes());
        verification.set(String.join("\n", lines));
        int more = total - LISTED_PROBLEMS;
        moreProblems.set(more <= 0 ? "" : shortened
                ? say("audit.moreProblems", MetricFormat.count(more), more, MetricFormat.count(total))
                : say("audit.fewerProblems", LISTED_PROBLEMS));
    }

    /** A verified log's summary: its verdict line, a line per problem in {@link #inSummaryOrder}, and its notes. */
    private record Summary(String verdict, List<String> problems, List<String> notes) {
    }

    /** A summary that is no verified log's: it lists no problems, so nothing leads to more. */
    private void showOnly(String text) {
        summary = null;
        verification.set(text);
        moreProblems.set("");
    }

    /** The log was destroyed (wiped or cut short) after the kept checkpoint: TAMPERED, in {@code log verify}'s words. */
    private void destroyed(String finding) {
        records.clear();
        unendorsed = Map.of();
        awaitingEndorsement.set(null);
        endorsementNote.set("");
        logDestroyed.set(true);
        integrity.set(Integrity.TAMPERED);
        showOnly(say("audit.destroyed", finding));
        selected.set(null);
        left.set(null);
        right.set(null);
        loading.set(false);
    }

    private void fail(String message) {
        records.clear();
        unendorsed = Map.of();
        awaitingEndorsement.set(null);
        endorsementNote.set("");
        openFailed.set(true);
        integrity.set(null);
        showOnly(say("audit.cannotOpen", message));
        loading.set(false);
    }

    private List<AuditRow> rowsOf(LogSnapshot snapshot, VerificationReport report) {
        List<AuditRow> rows = new ArrayList<>();
        StandingDecisions standing = StandingDecisions.of(snapshot.records());
        long previous = 0;
        for (LoggedRecord record : snapshot.records()) {
            rows.addAll(missingRows(previous + 1, record.sequence() - 1, report));
            previous = record.sequence();
            Optional<DecisionStatement> statement = record.statement();
            DecisionRecord decision = statement.map(DecisionStatement::record).orElse(null);
            List<SignatureRow> signatureRows = new ArrayList<>();
            Set<String> people = new LinkedHashSet<>();
            for (RecordSignature signature : record.signatures()) {
                SignatureCheck check = report.signatureCheck(snapshot, record, signature);
                RegisteredSigner registered = snapshot.signers().get(signature.keyId());
                String name = registered == null ? text.getString("audit.unknownKey") : registered.name();
                people.add(name);
                signatureRows.add(new SignatureRow(name, registered == null ? "" : registered.role(), signature.keyId(),
                        signature.signedAt(), check.isValid() ? text.getString("audit.signatureVerified")
                                : check.problem()));
            }
            String status = Optional.ofNullable(report.quorums().get(record.sequence())).map(Quorum::label).orElse("");
            Map<String, String> fields = new LinkedHashMap<>();
            // the id as log list, log verify and the problems name it (one line; all 64 digits took three at
            // 1366×768), the whole id with the other hashes at the end
            fields.put(text.getString("audit.field.record"), "#" + record.sequence() + " " + record.shortId());
            // the detail pane and the side-by-side view say what the table's Signatures column says
            fields.put(text.getString("audit.field.signatures"), status);
            // the signed time; a signature's stored time beside it is the store's clock, which nobody signs
            statement.ifPresent(s -> fields.put(text.getString("audit.field.appended"), s.appendedAt()));
            // what an altered record says is shown, but never as what the board decided
            String untrusted = report.untrustedContent(record.sequence());
            if (untrusted != null) {
                fields.put(text.getString("audit.field.content"), untrusted);
            }
            if (decision != null) {
                fields.putAll(RecordFields.of(decision));
                // several decisions on one question: which one counts, in the words of log list and the approval pack
                String counts = standing.describe(record);
                if (!counts.isEmpty()) {
                    fields.put(text.getString("audit.field.standing"), counts);
                }
                if (decision.approver() != null) {
                    people.add(decision.approver());
                }
                if (decision.approvers() != null) {
                    people.addAll(decision.approvers());
                }
            }
            fields.put(text.getString("audit.field.recordId"), record.recordId());
            List<VerificationReport.Problem> problems = report.problemsOf(record.sequence());
            rows.add(new AuditRow(record.sequence(), record.recordId(),
                    decision == null ? null : date(decision.decisionDate()),
                    decision == null || decision.kind() == null ? "?" : decision.kind().wireName(),
                    decision == null ? "?" : decision.model(),
                    decision == null ? "?" : decision.decisionLabel() + (untrusted == null ? "" : " (" + untrusted + ")"),
                    status,
                    List.copyOf(people), fields, signatureRows,
                    problems.stream().map(VerificationReport.Problem::message).toList(), Integrity.of(problems),
                    Integrity.badgeOf(problems), false));
        }
        // records deleted from the end that a problem still names (a checkpoint or a signature that covered them)
        long lastNamed = report.problems().stream().map(VerificationReport.Problem::sequence).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(0L);
        rows.addAll(missingRows(previous + 1, lastNamed, report));
        return rows;
    }

    /**
     * A row for each record from {@code first} to {@code last} that the log no longer holds, marked tampered with the
     * findings that name them: without it the table jumped from #1 to #3, and filtering or scrolling lost the finding
     * the summary names.
     */
    private List<AuditRow> missingRows(long first, long last, VerificationReport report) {
        List<VerificationReport.Problem> problems = report.problems().stream()
                .filter(p -> p.sequence() != null && p.sequence() >= first && p.sequence() <= last).toList();
        List<AuditRow> rows = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            String missing = text.getString("audit.missing");
            rows.add(new AuditRow(sequence, "", null, "—", "—", missing, "", List.of(),
                    Map.of(text.getString("audit.field.record"), "#" + sequence + " — " + missing), List.of(),
                    problems.stream().map(VerificationReport.Problem::message).toList(), Integrity.TAMPERED,
                    Integrity.TAMPERED.badge(), true));
        }
        return rows;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String person = approver.get() == null ? "" : approver.get().strip().toLowerCase(Locale.ROOT);
        // a deleted record is kept through every filter: what it held is unknown, and the finding must stay in view
        visibleRecords.setPredicate(row -> row.missing() || (text.isEmpty() || searchable(row).contains(text))
                && (ANY.equals(model.get()) || row.model().equals(model.get()))
                && (ANY.equals(kind.get()) || row.kind().equals(kind.get()))
                && (ANY.equals(decision.get()) || row.decision().equals(decision.get())
                        || DecisionRecord.PROMOTE.equals(decision.get())
                        && row.decision().equals(DecisionRecord.PROMOTED_OVER_BLOCKED_GATES))
                && (person.isEmpty() || row.people().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(person)))
                && (from.get() == null || row.decisionDate() != null && !row.decisionDate().isBefore(from.get()))
                && (to.get() == null || row.decisionDate() != null && !row.decisionDate().isAfter(to.get()))
                && (!tamperedOnly.get() || row.integrity() == Integrity.TAMPERED));
    }

    private static String searchable(AuditRow row) {
        return (row.recordId() + " " + row.model() + " " + row.kind() + " " + row.decision() + " "
                + String.join(" ", row.people()) + " " + String.join(" ", row.fields().values())).toLowerCase(Locale.ROOT);
    }

    private void showDetails(AuditRow row) {
        details.clear();
        signatures.clear();
        // the first of the record's signers whose registration awaits an endorsement: what keeps its quorum short
        awaitingEndorsement.set(row == null ? null : row.signatures().stream()
                .map(signature -> unendorsed.get(signature.keyId())).filter(Objects::nonNull)
                .findFirst().orElse(null));
        AwaitingEndorsement awaiting = awaitingEndorsement.get();
        endorsementNote.set(awaiting == null ? "" : say("audit.awaitingEndorsement", awaiting.name(), awaiting.role(),
                inGroups(awaiting.keyId()), String.valueOf(awaiting.entry()), awaiting.why()));
        if (row == null) {
            return;
        }
        row.problems().forEach(p -> details.add(Map.entry(text.getString("audit.field.problem"), p)));
        details.addAll(row.fields().entrySet());
        signatures.setAll(row.signatures());
    }

    /** A key id in groups of eight hex digits: it wraps in a narrow pane, and is compared group by group. */
    static String inGroups(String keyId) {
        return String.join(" ", keyId.split("(?<=\\G.{8})"));
    }

    private void compare() {
        AuditRow a = left.get();
        AuditRow b = right.get();
        if (a == null || b == null) {
            comparison.clear();
            return;
        }
        Set<String> labels = new LinkedHashSet<>(a.fields().keySet());
        labels.addAll(b.fields().keySet());
        comparison.setAll(labels.stream()
                .map(label -> new ComparisonLine(label, a.fields().getOrDefault(label, ""), b.fields().getOrDefault(label, "")))
                .toList());
    }

    public ObservableList<AuditRow> visibleRecords() {
        return visibleRecords;
    }

    /** {@link #ANY} and every model the open log has records of. */
    public ObservableList<String> models() {
        return models;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> decisions() {
        return decisions;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty decisionProperty() {
        return decision;
    }

    public StringProperty approverProperty() {
        return approver;
    }

    public BooleanProperty tamperedOnlyProperty() {
        return tamperedOnly;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /**
     * The log the view shows, from the moment it is opened (while it is verified, and when it could not be opened:
     * the status bar never names the one before it), or null before the first.
     */
    public ReadOnlyObjectProperty<Path> openedStoreProperty() {
        return openedStore.getReadOnlyProperty();
    }

    /** The decision store in use (bound to the one the status bar names), said when no log is open in Audit. */
    public ObjectProperty<Path> storeInUseProperty() {
        return storeInUse;
    }

    public ReadOnlyStringProperty storeNameProperty() {
        return storeName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    /** Whether the summary lists every problem of the log; at first only the first {@link #LISTED_PROBLEMS}. */
    public BooleanProperty everyProblemListedProperty() {
        return everyProblemListed;
    }

    /**
     * "… and 2 more problems: show all 7" under a summary that leaves problems out, "show only the first 5 problems"
     * under one that lists all of a longer list; empty when the summary lists every problem anyway.
     */
    public ReadOnlyStringProperty moreProblemsProperty() {
        return moreProblems.getReadOnlyProperty();
    }

    /**
     * The open log's standing, as {@code log verify} heads it (intact, POLICY NOT MET, TAMPERED); null while it is read
     * and verified, and when it could not be opened.
     */
    public ReadOnlyObjectProperty<Integrity> integrityProperty() {
        return integrity.getReadOnlyProperty();
    }

    /** Whether the last log asked for could not be opened or verified (or its verification was cancelled). */
    public ReadOnlyBooleanProperty openFailedProperty() {
        return openFailed.getReadOnlyProperty();
    }

    /**
     * The selected record's first signer whose registration awaits an endorsement (its signatures count towards no
     * quorum until then), or null.
     */
    public ReadOnlyObjectProperty<AwaitingEndorsement> awaitingEndorsementProperty() {
        return awaitingEndorsement.getReadOnlyProperty();
    }

    /** Why the selected record's signer awaiting an endorsement counts for no quorum, and what to check; or empty. */
    public ReadOnlyStringProperty endorsementNoteProperty() {
        return endorsementNote.getReadOnlyProperty();
    }

    /** What the last co-signing or endorsement did, or why it was refused. */
    public ReadOnlyStringProperty cosignOutcomeProperty() {
        return cosignOutcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObjectProperty<AuditRow> selectedProperty() {
        return selected;
    }

    public ObservableList<Map.Entry<String, String>> details() {
        return details;
    }

    public ObservableList<SignatureRow> signatures() {
        return signatures;
    }

    public ObjectProperty<AuditRow> leftProperty() {
        return left;
    }

    public ObjectProperty<AuditRow> rightProperty() {
        return right;
    }

    public ObservableList<ComparisonLine> comparison() {
        return comparison;
    }
}
