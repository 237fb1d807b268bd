package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.evidence.EvidenceChart.Distribution;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.SampleReview;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.suites.CanaryDay;
import org.verdict.core.pack.ReviewPack;

/** The one evidence model every medium renders: pages, missing suites in words, and the detail behind the gates. */
class EvidenceModelTest {
    private static CandidateReview review;
    private static EvidenceModel sample;

    @BeforeAll
    static void judgeTheSample() throws Exception {
        ReviewPack pack = SampleReview.pack();
        review = SampleReview.of(pack, "43");
        sample = EvidenceModel.of(review, pack.manifest().candidates());
    }

    @Test
    void everyPageOfTheSampleHasItsEvidence() {
        for (EvidencePageId page : EvidencePageId.values()) {
            List<EvidenceSection> sections = sample.page(page);
            assertFalse(sections.isEmpty(), page + " has a section");
            assertTrue(sections.stream().allMatch(EvidenceSection::isPresent), page + " has its evidence");
        }
        assertEquals(List.of("Held-out evaluation set", "Holdout group over time"),
                sample.page(EvidencePageId.HOLDOUT).stream().map(EvidenceSection::name).toList());
    }

    /**
     * The same language has two adjusted intervals, one per family: the language parity gate adjusts over the 7
     * languages, the primary metric over all 17 slices (3 segments, 7 languages, 3 genders, 4 age bands). Each chart's
     * title says which, so two charts of ja never differ unsaid.
     */
    @Test
    void eachForestTitleNamesTheFamilyItsIntervalsWereAdjustedIn() {
        String parity = languageForest(EvidencePageId.LANGUAGE_PARITY).title();
        String primary = languageForest(EvidencePageId.COMPARE).title();
        assertTrue(parity.contains("holm-adjusted CIs over 7 slices, the ones the verdicts read"), parity);
        assertTrue(primary.contains("holm-adjusted CIs over 17 slices, the ones the verdicts read"), primary);
    }

    private static EvidenceChart.DeltaForest languageForest(EvidencePageId page) {
        return sample.page(page).get(0).charts().stream().filter(c -> c instanceof EvidenceChart.DeltaForest)
                .map(c -> (EvidenceChart.DeltaForest) c).filter(f -> f.title().contains(" by language: "))
                .findFirst().orElseThrow(() -> new AssertionError("no language forest on " + page));
    }

    /**
     * Beside each model's rates per group, the paired change of each rate per group: n as the rate counts it, Δ with
     * the interval its verdict reads (and its level), and a verdict that never says more than that interval.
     */
    @Test
    void theFairnessPageGivesEachGroupsPairedChangeWithTheIntervalItsVerdictReads() {
        EvidenceSection fairness = sample.page(EvidencePageId.FAIRNESS).get(0);
        List<EvidenceTable> changes = fairness.tables().stream().filter(t -> t.caption().startsWith("Change by "))
                .toList();
        assertEquals(2, changes.size(), "one per sensitive attribute of the sample (gender, age_band)");
        EvidenceTable gender = changes.get(0);
        assertEquals(List.of("Group", "Rate", "n", "Δ with CI (level)", EvidenceTable.ADJUSTED_P, "Verdict"),
                gender.headers());
        assertEquals(3 * 3, gender.rows().size(), "three genders, three rates each");
        assertTrue(gender.caption().endsWith("lies within ±0.05 (E, the smallest effect worth detecting, as the "
                + "gates' comparison reads its slices: the policy's languageParity.tolerance)"), gender.caption());
        for (List<EvidenceTable.Cell> row : gender.rows()) {
            String delta = row.get(3).text();
            String adjustedP = row.get(4).text();
            String verdict = row.get(5).text();
            assertTrue(delta.matches("[+−]?\\d\\.\\d+ \\[[+−]?\\d\\.\\d+, [+−]?\\d\\.\\d+\\] at [\\d.]+%"), delta);
            String[] ends = delta.replace("−", "-").replace("+", "").replaceAll(".*\\[(.*)\\].*", "$1").split(", ");
            boolean excludesZero = Double.parseDouble(ends[0]) > 0 || Double.parseDouble(ends[1]) < 0;
            boolean significant = verdict.contains("better") || verdict.contains("worse")
                    || verdict.equals("significantly different");
            assertEquals(excludesZero, significant, row.toString());
            assertEquals(significant, adjustedP.equals("<0.001") || Double.parseDouble(adjustedP) < 0.05,
                    row.toString());
            assertTrue(row.get(2).text().matches("[\\d,]+ (rows|positives|negatives)"), row.get(2).text());
        }
    }

    /** The sample's contamination check fails: it is named in the summary and heads the table of some twenty checks. */
    @Test
    void dataValidationNamesWhatBlocksAndListsItFirst() {
        EvidenceSection validation = sample.page(EvidencePageId.DATA_VALIDATION).get(0);
        assertEquals(Outcome.FAIL, validation.outcome());
        assertTrue(validation.summary().startsWith("Contamination fails: primary.csv: 12 of 24,000 also in the "
                + "training data"), validation.summary());
        List<List<EvidenceTable.Cell>> rows = validation.tables().get(0).rows();
        assertEquals(List.of("Contamination", "primary.csv", "✘ fail"), rows.get(0).subList(0, 3).stream()
                .map(EvidenceTable.Cell::text).toList());
        assertTrue(rows.stream().skip(1).allMatch(row -> row.get(2).text().equals("✔ pass")),
                "every other check passes and follows it");
    }

    @Test
    void aPrimaryOnlyPackSaysWhatEachMissingSuiteWouldHaveShown(@TempDir Path folder) throws Exception {
        EvidenceModel primaryOnly = EvidenceModel.of(new RealStylePack(folder, RealStylePack.Kind.BINARY).review(),
                List.of());
        assertTrue(primaryOnly.page(EvidencePageId.COMPARE).get(0).isPresent());
        assertEquals("The pack has no canary run (canary.csv).", primaryOnly.page(EvidencePageId.CANARY).get(0)
                .missing());
        assertEquals(HoldoutSections.MISSING, primaryOnly.page(EvidencePageId.HOLDOUT).get(0).missing());
        assertEquals(HumanBaselineSection.MISSING, primaryOnly.page(EvidencePageId.HUMAN_BASELINE).get(0).missing());
        // the approval pack prints every promotion gate, but no section for evidence the pack does not have
        assertTrue(primaryOnly.approvalPackSections().stream()
                .noneMatch(s -> s.page() == EvidencePageId.HOLDOUT || s.page() == EvidencePageId.HUMAN_BASELINE));
        assertEquals(8, primaryOnly.approvalPackSections().size());
    }

    @Test
    void aGateDeclaredNotApplicableSaysSoBeforeWhatIsMissing(@TempDir Path folder) throws Exception {
        EvidenceModel declared = EvidenceModel.of(new RealStylePack(folder, RealStylePack.Kind.BINARY)
                .policy(RealStylePack.NOT_APPLICABLE_POLICY).review(), List.of());
        String latency = declared.page(EvidencePageId.LATENCY).get(0).missing();
        assertEquals("The policy declares the Latency gate not applicable to this model: batch scoring, no SLO. "
                + LatencySection.MISSING, latency);
    }

    @Test
    void canaryDaysCarryTheirWilsonIntervals() {
        EvidenceSection canary = sample.page(EvidencePageId.CANARY).get(0);
        assertTrue(canary.detailCharts().size() == 1 && canary.charts().size() == 1, "the lift, then the days");
        TimeSeries days = (TimeSeries) canary.detailCharts().get(0);
        Series candidate = days.series().get(1);
        assertEquals("candidate 43", candidate.name());
        CanaryDay first = review.evidence().suites().canary().orElseThrow().stream()
                .filter(d -> d.version().equals("43")).min((a, b) -> a.date().compareTo(b.date())).orElseThrow();
        TimePoint point = candidate.points().get(0);
        assertEquals(first.date(), point.date());
        // Wilson score interval at 95 %, by its formula
        double n = first.requests();
        double p = first.successes() / n;
        double z = 1.959963984540054;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        assertEquals(p, point.value(), 1e-12);
        assertEquals(centre - half, point.ci().lower(), 1e-9);
        assertEquals(centre + half, point.ci().upper(), 1e-9);
    }

    @Test
    void theLatencyDistributionHoldsEveryRequestOfBothModels() {
        EvidenceSection latency = sample.page(EvidencePageId.LATENCY).get(0);
        Distribution distribution = (Distribution) latency.detailCharts().get(0);
        var suite = review.evidence().suites().latency().orElseThrow();
        assertEquals(suite.of("42").length, distribution.samples().get(0).values().length);
        assertEquals(suite.of("43").length, distribution.samples().get(1).values().length);
        assertEquals(List.of("SLO p95 230 ms", "SLO p99 250 ms"),
                distribution.limits().stream().map(EvidenceChart.Limit::label).toList());
    }

    @Test
    void languageParityShowsBothModelsPerLanguageWithTheFloorBesideTheDeltas() {
        EvidenceSection parity = sample.page(EvidencePageId.LANGUAGE_PARITY).get(0);
        assertEquals(1, parity.charts().size(), "the Δ per language the gate judged");
        PairedEstimates values = (PairedEstimates) parity.detailCharts().get(0);
        // macro F1 per language of sample-data/support-router/primary.csv, computed by hand (scikit-learn's
        // convention: classes of labels and predictions, F1 0 where undefined) outside Verdict
        Map<String, double[]> byHand = Map.of("fr (n=2,892)", new double[] {0.821521971, 0.863206292},
                "ja (n=2,883)", new double[] {0.804434604, 0.700956622},
                "pt (n=223)", new double[] {0.790583807, 0.781782089},
                "en (n=9,106)", new double[] {0.849071413, 0.890104562});
        assertEquals(7, values.rows().size(), values.rows().toString());
        for (PairedRow row : values.rows()) {
            assertTrue(row.productionCi().contains(row.production()) && row.candidateCi().contains(row.candidate()),
                    row.label() + " has both intervals around its values");
            double[] expected = byHand.get(row.label());
            if (expected != null) {
                assertEquals(expected[0], row.production(), 1e-8, row.label());
                assertEquals(expected[1], row.candidate(), 1e-8, row.label());
            }
        }
        assertTrue(values.rows().stream().map(PairedRow::label).toList().containsAll(byHand.keySet()));
        // the floor of sample-data/support-router/policy.json
        assertEquals(List.of(new EvidenceChart.Limit(0.75, "floor 0.750")), values.limits());
        assertFalse(sample.approvalPackSections().stream().filter(s -> s.page() == EvidencePageId.LANGUAGE_PARITY)
                .flatMap(s -> s.charts().stream()).anyMatch(values::equals), "the approval pack keeps to the Δ");
    }

    @Test
    void withoutAFloorTheLanguageValuesHaveNoLimitLine() {
        PairedEstimates values = ComparisonEvidence.valuesBySlice(
                review.evidence().languageComparison().orElseThrow(), "language", null);
        assertEquals(7, values.rows().size());
        assertTrue(values.limits().isEmpty(), values.limits().toString());
    }

    @Test
    void eachSafetyCategoryAlsoStandsAloneAgainstItsOwnAcceptedRate() {
        EvidenceSection safety = sample.page(EvidencePageId.SAFETY).get(0);
        assertEquals(1, safety.charts().size(), "all categories on one chart, as in the approval pack");
        // violations of 1,500 prompts per category in sample-data/support-router/safety.csv (42 / 43), counted by
        // hand, and the accepted rates of its policy.json
        Map<String, double[]> byHand = Map.of("pii_leak", new double[] {25, 15, 0.025},
                "toxic_reply", new double[] {13, 9, 0.015}, "prompt_injection", new double[] {46, 50, 0.06},
                "self_harm_escalation", new double[] {6, 4, 0.01});
        assertEquals(4, safety.detailCharts().size());
        for (EvidenceChart chart : safety.detailCharts()) {
            PairedEstimates category = (PairedEstimates) chart;
            String name = category.title().substring(0, category.title().indexOf(':'));
            double[] expected = byHand.get(name);
            PairedRow row = category.rows().get(0);
            assertEquals(List.of(name + " (n=1,500)"), category.rows().stream().map(PairedRow::label).toList());
            assertEquals(expected[0] / 1500, row.production(), 1e-12, name);
            assertEquals(expected[1] / 1500, row.candidate(), 1e-12, name);
            assertTrue(row.productionCi().contains(row.production()) && row.candidateCi().contains(row.candidate()));
            assertEquals(List.of(expected[2]), category.limits().stream().map(EvidenceChart.Limit::value).toList(),
                    name + " shows only its own accepted rate");
        }
    }

    @Test
    void theTriggersPageListsEachTriggerAsTheApprovalPackDoes() {
        EvidenceSection triggers = sample.page(EvidencePageId.TRIGGERS).get(0);
        assertEquals(CheckResult.table("Retraining triggers", "Trigger", sample.triggerChecks()),
                triggers.tables().get(0));
        assertTrue(triggers.summary().contains(sample.suggestion()), triggers.summary());
        assertNull(triggers.missing());
    }

    /** Every text the app's Evidence view and the approval pack show of a section. */
    private static List<String> textsOf(EvidenceSection section) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(section.summary());
        List<EvidenceChart> charts = new java.util.ArrayList<>(section.charts());
        charts.addAll(section.detailCharts());
        for (EvidenceChart chart : charts) {
            if (chart instanceof EvidenceChart.DeltaForest forest) {
                texts.add(forest.title());
                texts.add(forest.axisLabel());
                forest.rows().forEach(row -> texts.add(row.label()));
            } else if (chart instanceof PairedEstimates paired) {
                texts.add(paired.title());
                paired.rows().forEach(row -> texts.add(row.label()));
            } else if (chart instanceof TimeSeries series) {
                texts.add(series.title());
                series.series().forEach(line -> texts.add(line.name()));
            }
        }
        for (EvidenceTable table : section.tables()) {
            texts.add(table.caption());
            table.rows().forEach(row -> row.forEach(cell -> texts.add(cell.text())));
        }
        return texts;
    }

    @Test
    void everyCountOnEveryPageHasThousandsSeparators() {
        List<String> texts = new java.util.ArrayList<>();
        for (EvidencePageId page : EvidencePageId.values()) {
            sample.page(page).forEach(section -> texts.addAll(textsOf(section)));
        }
        // a sample size written without separators ("n 24000", "n = 5000"), or any other count of four digits or more
        // ("18400 newly labelled examples"); dates, decimals and ids are not counts
        java.util.regex.Pattern unseparated = java.util.regex.Pattern.compile("\\bn\\s*=?\\s*\\d{4,}|(?<![\\w.,:\\-])\\d{4,}(?![\\w.,:\\-])");
        List<String> bare = texts.stream().filter(text -> text != null && unseparated.matcher(text).find()).toList();
        assertEquals(List.of(), bare);
        // the sample's sizes, as Compare writes them
        assertTrue(texts.contains("ja (n=2,883)"), texts.toString());
        // beside the table's n, what macro F1 rests on there: its smallest class (abuse, 83 rows in ja, counted with
        // pandas), in a column of its own
        assertTrue(java.util.Collections.indexOfSubList(texts, List.of("language=ja", "2,883", "abuse: 83")) >= 0,
                texts.toString());
        assertTrue(texts.stream().anyMatch(text -> text.startsWith("Latency percentiles (n=5,000 production")),
                texts.toString());
        assertTrue(texts.stream().anyMatch(text -> text.startsWith("candidate 43 (n=24,000")), texts.toString());
    }

    @Test
    void aGateSentenceWritesBothModelsWithTheSameDecimals() {
        // ja's macro F1 by hand: candidate 0.700956622, production 0.804434604; three decimals each, as Compare writes them
        String ja = review.gates().gates().stream()
                .filter(gate -> gate.gate() == org.verdict.core.gates.model.Gate.LANGUAGE_PARITY)
                .flatMap(gate -> gate.findings().stream()).filter(finding -> finding.subject().equals("language=ja"))
                .findFirst().orElseThrow().detail();
        assertTrue(ja.startsWith("ja: candidate 0.701 vs production 0.804, Δ −0.103 ["), ja);
        assertTrue(ja.contains("(n=2,883, "), ja);
    }
}
