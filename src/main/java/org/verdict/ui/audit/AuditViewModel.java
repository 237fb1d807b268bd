package org.verdict.ui.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LogVerifier.SignatureCheck;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RecordFields;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.RecordSignature;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import org.verdict.ui.audit.AuditRow.SignatureRow;

/**
 * The Audit view's state: a store opened read-only and verified off the FX thread, its records filtered by
 * search text, kind, decision, approver and date range, the selected record's details and a side-by-side
 * comparison of two records.
 */
public final class AuditViewModel {
    /** The filter value that lets everything through. */
    public static final String ANY = "any";

    private final Executor background;
    private final Executor fxThread;
    private final ObservableList<AuditRow> records = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> visibleRecords = new FilteredList<>(records);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty(ANY);
    private final StringProperty kind = new SimpleStringProperty(ANY);
    private final StringProperty decision = new SimpleStringProperty(ANY);
    private final StringProperty approver = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<String> models = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storeName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper cosignOutcome = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AuditRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<Map.Entry<String, String>> details = FXCollections.observableArrayList();
    private final ObservableList<SignatureRow> signatures = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRow> left = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRow> right = new SimpleObjectProperty<>();
    private final StringBinding emptyTableMessage = Bindings.createStringBinding(() -> {
        if (!records.isEmpty()) {
            return "No decision matches the filters — set Kind, Decision and Model to \"any\" and clear the search.";
        }
        return storeName.get().isEmpty()
                ? "No decision log is open — File → Record decision… (Ctrl+D) signs the first decision into the app's"
                        + " log; Open decision log… audits another."
                : "No decisions in this store yet — File → Record decision… (Ctrl+D)";
    }, records, storeName);
    private final ObservableList<ComparisonLine> comparison = FXCollections.observableArrayList();
    private Path currentStore;

    /**
     * @param background runs the opening and verification of a store
     * @param fxThread runs the results back on the FX thread (tests pass {@code Runnable::run} for both)
     */
    public AuditViewModel(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
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
        selected.addListener((o, a, row) -> showDetails(row));
        left.addListener((o, a, b) -> compare());
        right.addListener((o, a, b) -> compare());
    }

    /** Opens {@code store} read-only, verifies it and shows its records; a problem is shown, never thrown. */
    public void open(Path store) {
        currentStore = store;
        loading.set(true);
        storeName.set(store.getFileName().toString());
        verification.set("verifying " + store.getFileName() + " …");
        background.execute(() -> {
            try (DecisionLog log = DecisionLog.openReadOnly(store)) {
                LogSnapshot snapshot = log.snapshot();
                VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
                List<AuditRow> rows = rowsOf(snapshot, report);
                fxThread.execute(() -> show(rows, report));
            } catch (LedgerException e) {
                fxThread.execute(() -> fail(e.getMessage()));
            }
        });
    }

    /**
     * Adds the signature of the key in {@code keyFile} to {@code row}'s record: the one action that opens the store
     * for writing. The passphrase is wiped afterwards; the store is shown again with the new signature.
     */
    public void cosign(AuditRow row, Path keyFile, char[] passphrase) {
        Path store = currentStore;
        loading.set(true);
        background.execute(() -> {
            String outcome;
            try {
                SignerKey key = KeyFile.read(keyFile).unlock(passphrase);
                try (DecisionLog log = DecisionLog.openForWriting(store)) {
                    log.cosign(String.valueOf(row.sequence()), key);
                }
                outcome = "Record #" + row.sequence() + " co-signed by " + key.identity() + ".";
            } catch (LedgerException e) {
                outcome = e.getMessage();
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            String message = outcome;
            fxThread.execute(() -> {
                cosignOutcome.set(message);
                open(store);
            });
        });
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
     * the app's own decision log is shown if it exists.
     */
    public void showAppStoreIfNoneOpen(Path appStore) {
        if (currentStore == null && appStore != null && Files.isRegularFile(appStore)) {
            open(appStore);
        }
    }

    private void show(List<AuditRow> rows, VerificationReport report) {
        records.setAll(rows);
        models.setAll(ANY);
        models.addAll(rows.stream().map(AuditRow::model).distinct().sorted().toList());
        if (!models.contains(model.get())) {
            model.set(ANY);
        }
        intact.set(report.isIntact());
        verification.set(report.summary());
        selected.set(null);
        left.set(null);
        right.set(null);
        loading.set(false);
    }

    private void fail(String message) {
        records.clear();
        intact.set(false);
        verification.set("cannot open: " + message);
        loading.set(false);
    }

    static List<AuditRow> rowsOf(LogSnapshot snapshot, VerificationReport report) {
        List<AuditRow> rows = new ArrayList<>();
        for (LoggedRecord record : snapshot.records()) {
            Optional<DecisionStatement> statement = record.statement();
            DecisionRecord decision = statement.map(DecisionStatement::record).orElse(null);
            List<SignatureRow> signatureRows = new ArrayList<>();
            Set<String> people = new LinkedHashSet<>();
            byte[] pae = record.pae();
            for (RecordSignature signature : record.signatures()) {
                SignatureCheck check = LogVerifier.checkSignature(snapshot, pae, signature);
                RegisteredSigner registered = snapshot.signers().get(signature.keyId());
                String name = registered == null ? "(unknown key)" : registered.name();
                people.add(name);
                signatureRows.add(new SignatureRow(name, registered == null ? "" : registered.role(), signature.keyId(),
                        signature.signedAt(), check.isValid() ? "verified" : check.problem()));
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("Record", "#" + record.sequence() + " " + record.recordId());
            statement.ifPresent(s -> fields.put("Appended", s.appendedAt()));
            if (decision != null) {
                fields.putAll(RecordFields.of(decision));
                if (decision.approver() != null) {
                    people.add(decision.approver());
                }
                if (decision.approvers() != null) {
                    people.addAll(decision.approvers());
                }
            }
            rows.add(new AuditRow(record.sequence(), record.recordId(),
                    decision == null ? null : date(decision.decisionDate()),
                    decision == null || decision.kind() == null ? "?" : decision.kind().wireName(),
                    decision == null ? "?" : decision.model(),
                    decision == null ? "?" : decision.decisionLabel(),
                    Optional.ofNullable(report.quorums().get(record.sequence())).map(q -> q.label()).orElse(""),
                    List.copyOf(people), fields, signatureRows,
                    report.problemsOf(record.sequence()).stream().map(VerificationReport.Problem::message).toList()));
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
        visibleRecords.setPredicate(row -> (text.isEmpty() || searchable(row).contains(text))
                && (ANY.equals(model.get()) || row.model().equals(model.get()))
                && (ANY.equals(kind.get()) || row.kind().equals(kind.get()))
                && (ANY.equals(decision.get()) || row.decision().equals(decision.get())
                        || DecisionRecord.PROMOTE.equals(decision.get())
                        && row.decision().equals(DecisionRecord.PROMOTED_OVER_BLOCKED_GATES))
                && (person.isEmpty() || row.people().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(person)))
                && (from.get() == null || row.decisionDate() != null && !row.decisionDate().isBefore(from.get()))
                && (to.get() == null || row.decisionDate() != null && !row.decisionDate().isAfter(to.get())));
    }

    private static String searchable(AuditRow row) {
        return (row.recordId() + " " + row.model() + " " + row.kind() + " " + row.decision() + " "
                + String.join(" ", row.people()) + " " + String.join(" ", row.fields().values())).toLowerCase(Locale.ROOT);
    }

    private void showDetails(AuditRow row) {
        details.clear();
        signatures.clear();
        if (row == null) {
            return;
        }
        row.problems().forEach(p -> details.add(Map.entry("Problem", p)));
        details.addAll(row.fields().entrySet());
        signatures.setAll(row.signatures());
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

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyStringProperty storeNameProperty() {
        return storeName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }

    /** What the last co-signing did, or why it was refused. */
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
