package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.evidence.EvidenceChart.Distribution;
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
        assertEquals(7, primaryOnly.approvalPackSections().size());
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
    void theTriggersPageListsEachTriggerAsTheApprovalPackDoes() {
        EvidenceSection triggers = sample.page(EvidencePageId.TRIGGERS).get(0);
        assertEquals(CheckResult.table("Retraining triggers", "Trigger", sample.triggerChecks()),
                triggers.tables().get(0));
        assertTrue(triggers.summary().contains(sample.suggestion()), triggers.summary());
        assertNull(triggers.missing());
    }
}
