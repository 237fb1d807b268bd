package org.verdict.ui.overview;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.WorseOverall;
import org.verdict.core.evidence.EvidenceNumbers;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.ui.theme.Palette;

/** What the Overview shows: the model, its task and risk tier, who must approve, and each version's lineage. */
public final class OverviewViewModel {
    private static final DateTimeFormatter TRAINED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One model version as a table row. */
    public record VersionRow(String version, String role, String dataSnapshot, String codeVersion, String trainedAt,
                             String hyperparameters) {
    }

    private final ResourceBundle text;
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper riskTier = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper approvers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper primaryMetric = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper threshold = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper worseSlices = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alsoWorse = new ReadOnlyStringWrapper("");
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versionsView = FXCollections.unmodifiableObservableList(versions);

    public OverviewViewModel(ResourceBundle text) {
        this.text = text;
    }

    public void showPack(ReviewPack pack) {
        ModelInfo model = pack.manifest().model();
        modelName.set(model.name());
        task.set(model.taskText());
        riskTier.set(MessageFormat.format(text.getString("overview.tier"), model.riskTier()));
        approvers.set(approversFor(model.riskTier()));
        primaryMetric.set(pack.manifest().primaryMetric());
        threshold.set(model.task() == Task.BINARY ? thresholds(pack.manifest().models()) : "");
        versions.setAll(pack.manifest().models().stream().map(OverviewViewModel::row).toList());
    }

    /** Tier 1: automatic when every gate passes; tier 2: an ML lead; tier 3: AI Safety, Product and ML lead. */
    String approversFor(int tier) {
        String key = switch (tier) {
            case 1 -> "overview.approvers.tier1";
            case 2 -> "overview.approvers.tier2";
            case 3 -> "overview.approvers.tier3";
            default -> "overview.approvers.unknown";
        };
        return text.getString(key);
    }

    private static VersionRow row(ModelVersion version) {
        return new VersionRow(version.version(), version.role().wireName(),
                orDash(version.dataSnapshot()), orDash(version.codeVersion()),
                version.trainedAt() == null ? "—" : TRAINED_AT.format(version.trainedAt()),
                hyperparameters(version.hyperparameters()));
    }

    /**
     * Each version's decision threshold on its score, as the approval pack writes it: accuracy, precision, recall and
     * selection rate count score ≥ threshold as the positive label, so two thresholds make two different models.
     */
    private static String thresholds(List<ModelVersion> versions) {
        return versions.stream()
                .map(v -> EvidenceNumbers.plain(v.threshold()) + " (" + v.role().wireName() + " " + v.version() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Sorted by name so two versions' settings line up when read one under the other. */
    static String hyperparameters(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "—";
        }
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + " = " + plain(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** 0.0005 as written in the manifest, not as Java prints a double (5.0E-4). */
    private static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(value);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Each version's decision threshold for a binary task; empty for the other tasks, which have none. */
    public ReadOnlyStringProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty riskTierProperty() {
        return riskTier.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approversProperty() {
        return approvers.getReadOnlyProperty();
    }

    /** Shows the Gates view's headline (the current verdict, or that the gates are being judged) as it changes. */
    public void showVerdictOf(ObservableValue<String> gatesHeadline) {
        verdict.bind(gatesHeadline);
    }

    /**
     * Follows Compare's report (all metrics, computed once per pack and candidate) to name what is significantly worse
     * overall beside the primary metric, which the verdict above judges: the other metrics and each class's recall.
     */
    public void showOtherMetricsOf(ObservableValue<ComparisonReport> report) {
        alsoWorse.bind(Bindings.createStringBinding(() -> otherMetricsWorse(report.getValue()),
                report));
    }

    /**
     * Follows the gates' review to name the slices significantly worse on the primary metric, under the heading that
     * says how many were tested, in the words of the Gates view and the approval pack: "Also worse overall" alone read
     * as all-clear beside fair_small's gender=nonbinary, Δ −0.151. A dash while the gates are judged ({@code null}).
     */
    public void showWorseSlicesOf(ObservableValue<WorseFindings> findings) {
        worseSlices.bind(Bindings.createStringBinding(() -> worseSlices(findings.getValue()), findings));
    }

    /** The heading and the first {@value #WORSE_SLICES_SHOWN} worse slices; the Gates view lists every one. */
    String worseSlices(WorseFindings findings) {
        if (findings == null || findings.slicesHeading().isEmpty()) {
            return "—";
        }
        int more = findings.slices().size() - WORSE_SLICES_SHOWN;
        if (more <= 0) {
            return findings.slicesText(Palette.WORSE_MARK);
        }
        WorseFindings first = new WorseFindings(findings.slices().subList(0, WORSE_SLICES_SHOWN),
                findings.slicesHeading(), findings.overall(), findings.nothingElse(), findings.lostClasses(),
                findings.heldOut());
        return first.slicesText(Palette.WORSE_MARK) + "\n" + MessageFormat.format(text.getString(
                "overview.worseSlices.more"), more);
    }

    /** As many worse slices as leave the versions table its room at 1366×768. */
    static final int WORSE_SLICES_SHOWN = 5;

    /** The slices significantly worse on the primary metric, see {@link #showWorseSlicesOf}. */
    public ReadOnlyStringProperty worseSlicesProperty() {
        return worseSlices.getReadOnlyProperty();
    }

    /** Each finding one a line as {@link WorseOverall#line()} writes it; a dash until Compare has its report. */
    String otherMetricsWorse(ComparisonReport report) {
        if (report == null) {
            return "—";
        }
        String worse = report.worseOverall().stream().map(WorseOverall::line).collect(Collectors.joining("\n"));
        String lost = report.lostClassesText();
        return (worse.isEmpty() ? report.nothingElseWorse() : worse) + (lost.isEmpty() ? "" : "\n" + lost);
    }

    /** What else is significantly worse overall, see {@link #showOtherMetricsOf}. */
    public ReadOnlyStringProperty alsoWorseProperty() {
        return alsoWorse.getReadOnlyProperty();
    }

    /** The current verdict on the candidate, as the Gates view words it. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty primaryMetricProperty() {
        return primaryMetric.getReadOnlyProperty();
    }

    public ObservableList<VersionRow> versions() {
        return versionsView;
    }
}
