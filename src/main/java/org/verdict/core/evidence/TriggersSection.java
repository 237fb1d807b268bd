package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.FeedbackCheck;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.gates.triggers.TriggerResult;
import org.verdict.core.stats.MetricFormat;

/**
 * The retraining triggers: each trigger's state, the suggestion they add up to, the drift per feature and the
 * negative-feedback rate against its threshold.
 */
public final class TriggersSection {
    private TriggersSection() {
    }

    /** Each trigger as a check, in the approval pack's list of checks. */
    public static List<CheckResult> checks(RetrainingAssessment assessment) {
        return assessment.triggers().stream().map(TriggersSection::check).toList();
    }

    /** e.g. "retrain — two triggers fired: ...". */
    public static String suggestion(RetrainingAssessment assessment) {
        return assessment.suggestion().label() + " — " + assessment.rationale();
    }

    private static CheckResult check(TriggerResult result) {
        Outcome outcome = switch (result.state()) {
            case FIRED -> Outcome.FIRED;
            case QUIET -> Outcome.NOT_FIRED;
            case NO_EVIDENCE -> Outcome.NO_EVIDENCE;
        };
        return new CheckResult(result.trigger().title(), outcome, result.detail());
    }

    public static EvidenceSection of(RetrainingAssessment assessment) {
        List<EvidenceTable> tables = new ArrayList<>();
        tables.add(CheckResult.table("Retraining triggers", "Trigger", checks(assessment)));
        if (!assessment.drift().isEmpty()) {
            tables.add(drift(assessment.drift()));
        }
        List<EvidenceChart> charts = assessment.feedback().isEmpty() ? List.of()
                : List.of(feedback(assessment.feedback()));
        return new EvidenceSection(EvidencePageId.TRIGGERS, "Retraining triggers", Outcome.EVIDENCE_ONLY,
                "Suggested decision, for a person to confirm: " + suggestion(assessment) + ".", charts, tables, null);
    }

    private static EvidenceTable drift(List<FeatureDrift> features) {
        List<List<Cell>> rows = new ArrayList<>();
        for (FeatureDrift f : features) {
            rows.add(List.of(Cell.plain(f.feature()), Cell.plain(f.numeric() ? "numeric" : "categorical"),
                    Cell.plain(MetricFormat.count(f.referenceN()) + " / " + MetricFormat.count(f.currentN())),
                    Cell.plain(EvidenceNumbers.plain(f.psi())),
                    Cell.plain(f.band()), Cell.plain(f.test()), Cell.plain(EvidenceNumbers.plain(f.statistic())),
                    Cell.plain(EvidenceNumbers.pValue(f.pValue())), Cell.plain(EvidenceNumbers.pValue(f.adjustedP())),
                    f.drifted() ? Cell.of(Outcome.FIRED) : Cell.plain("– " + PSI_DECIDES_MARK)));
        }
        boolean anyQuiet = features.stream().anyMatch(f -> !f.drifted());
        return new EvidenceTable("Drift per feature, reference vs current (Holm-adjusted over features)",
                List.of("Feature", "Kind", "n (reference / current)", "PSI", "Band", "Test", "Statistic", "p",
                        EvidenceTable.ADJUSTED_P, "Drift"), rows, anyQuiet ? List.of(PSI_DECIDES) : List.of());
    }

    private static final String PSI_DECIDES_MARK = "[a]";
    /**
     * Why a feature whose test is significant can show no drift: on thousands of rows the test finds shifts too small
     * to matter, so a reader would otherwise take the two columns for a contradiction.
     */
    static final String PSI_DECIDES = PSI_DECIDES_MARK + " not drifted: PSI decides. A feature drifts when its PSI is "
            + "in the major band, or in the moderate band with a significant adjusted test; a stable PSI is no drift "
            + "whatever the test says, since with thousands of rows the test finds shifts too small to matter. The "
            + "test is shown beside PSI, not instead of it";

    /** The daily negative-feedback rate and the rolling mean + 2 sd it fires above. */
    private static EvidenceChart feedback(List<FeedbackCheck> checks) {
        List<TimePoint> rate = new ArrayList<>();
        List<TimePoint> threshold = new ArrayList<>();
        for (FeedbackCheck check : checks) {
            rate.add(new TimePoint(check.date(), check.rate(), null));
            if (!Double.isNaN(check.threshold())) {
                threshold.add(new TimePoint(check.date(), check.threshold(), null));
            }
        }
        return new TimeSeries("Negative user feedback", "negative feedback rate", List.of(
                new Series("negative feedback", SeriesRole.PRODUCTION, rate),
                new Series("rolling mean + 2 sd", SeriesRole.CANDIDATE, threshold)), List.of());
    }
}
