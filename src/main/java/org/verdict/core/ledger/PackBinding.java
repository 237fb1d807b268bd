package org.verdict.core.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackManifest;

/**
 * What a decision record bound to a pack ({@code log append --pack}, the app's Decision dialog) may say about that
 * pack: the model, versions, risk tier and data snapshot the pack's manifest names. A record that names others would
 * be signed as this pack's decision about something the pack does not hold, so it is refused before anything is
 * written. The gate outcomes are judged separately, on the pack's data.
 */
public final class PackBinding {
    private PackBinding() {
    }

    /**
     * Refuses a record that describes another model, version, tier or data snapshot than {@code manifest}: one line per
     * difference, each naming the field, the record's value and the pack's.
     *
     * @param recordName how the record is named in the message, e.g. its file
     * @param packName how the pack is named in the message, e.g. its path
     */
    public static void check(DecisionRecord record, PackManifest manifest, String recordName, String packName)
            throws LedgerException {
        List<String> differences = differences(record, manifest);
        if (!differences.isEmpty()) {
            throw new LedgerException(recordName + " does not describe the pack it is bound to, " + packName
                    + " (a record must not claim what the evidence does not give):\n  "
                    + String.join("\n  ", differences)
                    + "\nCorrect the record, or bind it to the pack the decision was made from.");
        }
    }

    /** Each field of {@code record} that contradicts {@code manifest}, as "field: the record says …, the pack's …". */
    public static List<String> differences(DecisionRecord record, PackManifest manifest) {
        List<String> differences = new ArrayList<>();
        String model = manifest.model().name();
        if (!model.equals(record.model())) {
            differences.add("model: the record says " + record.model() + ", the pack's model is " + model);
        }
        if (record.kind() == RecordKind.PROMOTION) {
            String production = manifest.production().version();
            if (record.productionVersion() != null && !record.productionVersion().equals(production)) {
                differences.add("productionVersion: the record says " + record.productionVersion()
                        + ", the pack's production is " + production);
            }
            int tier = manifest.model().riskTier();
            if (record.riskTier() != null && record.riskTier() != tier) {
                differences.add("riskTier: the record says " + record.riskTier() + ", the pack's model is risk tier "
                        + tier + " (which sets who must sign)");
            }
            ModelVersion candidate = manifest.candidates().stream()
                    .filter(c -> c.version().equals(record.candidateVersion())).findFirst().orElse(null);
            if (candidate == null) {
                differences.add("candidateVersion: the record " + (record.candidateVersion() == null ? "names none"
                        : "says " + record.candidateVersion()) + ", the pack's candidates are " + manifest.candidates()
                        .stream().map(ModelVersion::version).collect(Collectors.joining(", ")));
            } else {
                snapshotDifference(record, List.of(candidate)).ifPresent(differences::add);
            }
        } else if (record.kind() == RecordKind.RETRAINING) {
            snapshotDifference(record, manifest.models()).ifPresent(differences::add);
        }
        return differences;
    }

    /**
     * The record's data snapshot must be one the pack states for {@code versions} (a promotion: its candidate; a
     * retraining: any model of the pack). A pack that states none for them leaves nothing to contradict.
     */
    private static Optional<String> snapshotDifference(DecisionRecord record, List<ModelVersion> versions) {
        List<ModelVersion> stated = versions.stream().filter(v -> v.dataSnapshot() != null).toList();
        if (record.dataSnapshot() == null || stated.isEmpty()
                || stated.stream().anyMatch(v -> Objects.equals(v.dataSnapshot(), record.dataSnapshot()))) {
            return Optional.empty();
        }
        String inPack = stated.stream().map(v -> v.dataSnapshot() + " (" + v.role().wireName()
                + " " + v.version() + ")").collect(Collectors.joining(", "));
        return Optional.of("dataSnapshot: the record says " + record.dataSnapshot() + ", the pack's "
                + (stated.size() == 1 ? "data snapshot is " : "data snapshots are ") + inPack);
    }
}
