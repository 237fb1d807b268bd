package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence.DifferenceFromHuman;
import org.verdict.core.gates.evidence.HumanBaselineEvidence.KappaWithHuman;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.stats.MetricFormat;

/** Evidence no gate judges: both models' accuracy against the human reviewers', and where they disagree. */
public final class HumanBaselineSection {
    /** How many human–candidate disagreements the section lists; the rest are counted. */
    static final int DISAGREEMENTS_SHOWN = 20;
    static final String MISSING = "The pack has no human baseline (human_baseline.csv).";
    /** How a summary pack's human baseline is counted, beside its numbers. */
    static final String FROM_CELLS = "Counted from paired cells (label × human × every version's prediction): every "
            + "accuracy, interval and kappa is the rows' own; example ids are not kept";

    private HumanBaselineSection() {
    }

    public static EvidenceSection of(HumanBaselineEvidence human, String productionVersion,
                                     String candidateVersion) {
        RateEstimate production = human.modelAccuracy().get(productionVersion);
        RateEstimate candidate = human.modelAccuracy().get(candidateVersion);
        List<List<Cell>> accuracy = new ArrayList<>();
        accuracy.add(List.of(Cell.plain("human reviewers"), Cell.plain(Sections.rate(human.humanAccuracy())),
                Cell.plain("–"), Cell.plain("–")));
        accuracy.add(modelRow(human, "production ", productionVersion));
        accuracy.add(modelRow(human, "candidate ", candidateVersion));
        DifferenceFromHuman difference = human.differenceFromHuman().get(candidateVersion);
        String summary = MetricFormat.sampleSize(candidate.n()) + ": candidate accuracy " + Sections.rate(candidate)
                + ", human reviewers " + Sections.rate(human.humanAccuracy()) + "; candidate − human "
                + EvidenceNumbers.delta(difference.estimate(), difference.ci()) + " (paired); "
                + MetricFormat.count(human.disagreeingExamples()) + " examples where the human and the candidate disagree"
                + (human.fromCells() ? ". " + FROM_CELLS : "");
        return new EvidenceSection(EvidencePageId.HUMAN_BASELINE, "Human baseline", Outcome.EVIDENCE_ONLY, summary,
                List.of(new PairedEstimates("Accuracy against the labels", "accuracy",
                        List.of(new PairedRow("accuracy (" + MetricFormat.sampleSize(candidate.n()) + ")", production.rate(),
                                production.ci(), candidate.rate(), candidate.ci())),
                        // the reviewers' accuracy is measured on the same examples: its interval is drawn with it
                        List.of(Limit.measured(human.humanAccuracy().rate(), human.humanAccuracy().ci(),
                                "human reviewers " + Sections.rate(human.humanAccuracy()))))),
                List.of(new EvidenceTable("Accuracy (modified Wilson intervals), accuracy minus the human reviewers' on "
                                + "the same " + MetricFormat.count(candidate.n()) + " examples (Tango's paired score "
                                + "intervals) and Cohen's kappa with them (Fisher-z intervals)"
                                + (human.fromCells() ? ", from paired cells" : ""),
                                List.of("Who", "Accuracy", "Minus human (paired)", "Kappa with human"), accuracy),
                        disagreements(human, productionVersion, candidateVersion)), null);
    }

    /** Example by example; from cells, the most frequent (label, human, candidate, production) cells first. */
    private static EvidenceTable disagreements(HumanBaselineEvidence human, String productionVersion,
                                               String candidateVersion) {
        int shown = Math.min(DISAGREEMENTS_SHOWN, human.disagreements().size());
        if (human.fromCells()) {
            List<List<Cell>> rows = human.disagreements().stream().limit(DISAGREEMENTS_SHOWN)
                    .map(d -> List.of(Cell.plain(d.label()), Cell.plain(d.human()),
                            Cell.plain(d.predictions().get(candidateVersion)),
                            Cell.plain(d.predictions().get(productionVersion)),
                            Cell.plain(MetricFormat.count(d.examples()))))
                    .toList();
            return new EvidenceTable("Where the human and the candidate disagree, by paired cell (the " + shown
                    + " most frequent of " + MetricFormat.count(human.disagreements().size()) + " cells, "
                    + MetricFormat.count(human.disagreeingExamples()) + " examples)",
                    List.of("Label", "Human", "Candidate", "Production", "Examples"), rows);
        }
        List<List<Cell>> rows = human.disagreements().stream().limit(DISAGREEMENTS_SHOWN)
                .map(d -> List.of(Cell.plain(d.exampleId()), Cell.plain(d.label()), Cell.plain(d.human()),
                        Cell.plain(d.predictions().get(candidateVersion))))
                .toList();
        return new EvidenceTable("Examples where the human and the candidate disagree (first " + shown + " of "
                + MetricFormat.count(human.disagreements().size()) + ")", List.of("Example", "Label", "Human", "Candidate"), rows);
    }

    /** The page when the pack has no human baseline. */
    static EvidenceSection missing() {
        return new EvidenceSection(EvidencePageId.HUMAN_BASELINE, "Human baseline", Outcome.EVIDENCE_ONLY, "",
                List.of(), List.of(), MISSING);
    }

    private static List<Cell> modelRow(HumanBaselineEvidence human, String role, String version) {
        DifferenceFromHuman difference = human.differenceFromHuman().get(version);
        KappaWithHuman kappa = human.kappaWithHuman().get(version);
        return List.of(Cell.plain(role + version), Cell.plain(Sections.rate(human.modelAccuracy().get(version))),
                Cell.plain(difference.n() == 0 ? "–" : EvidenceNumbers.delta(difference.estimate(), difference.ci())),
                Cell.plain(Double.isNaN(kappa.kappa()) ? "–" : EvidenceNumbers.estimate(kappa.kappa(), kappa.ci())));
    }
}
