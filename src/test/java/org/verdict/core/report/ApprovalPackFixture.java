package org.verdict.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.CheckResult;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Outcome;
import org.verdict.core.evidence.Tone;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelRole;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;
import org.verdict.core.report.DecisionEvidence.SignatureEvidence;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/** A hand-made approval pack with one gate of every kind, as a review board of the sample model would see it. */
final class ApprovalPackFixture {
    static final List<String> GATE_NAMES = List.of("Primary metric", "Language parity", "Fairness", "Safety",
            "Latency", "Canary", "Holdout over time", "Human baseline", "Circuit breaker");

    /** A checkpoint's fields as the pack prints them: its longest line, the signature, is a real one's length. */
    static final String CHECKPOINT_JSON = """
            {
              "origin" : "verdict-decision-log/075b678a-2441-493f-9ec8-a0ff263cd7f0",
              "treeSize" : 7,
              "rootHash" : "5d1e0c2b3a4958677685a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3",
              "signatureCount" : 9,
              "signaturesHash" : "4ad6307a5ee21a58a4eb67bacee53fe0b9fc66135aa971ac1306fc0aa007a58c",
              "keyId" : "dff5b582a0dce9d44c2a3834e0d57efcbe6417bc7bc1c3a8351b96df9b003881",
              "signature" : "28FH9KGokoKWNbg5jbzAorqwbCdizYFeJaxYiXZvk/AvAxSxaiWiw7E2DetT67v8VvVa0AKg+yImxq+2ULkvBA=="
            }""";

    private ApprovalPackFixture() {
    }

    static ApprovalPackContent content(Map<String, String> evidenceHashes) {
        ModelVersion production = new ModelVersion("42", ModelRole.PRODUCTION, "tickets-2026-09", "git:4f2a9c1",
                Instant.parse("2026-10-02T10:00:00Z"), Map.of("lr", 0.001, "layers", 4), 0.5);
        Map<String, Object> candidateParameters = new LinkedHashMap<>();
        candidateParameters.put("lr", 0.0005);
        candidateParameters.put("optimizer", Map.of("name", "adamw", "beta2", 0.999));
        ModelVersion candidate = new ModelVersion("43", ModelRole.CANDIDATE, "tickets-2026-10", "git:9be01d2",
                Instant.parse("2026-11-02T10:00:00Z"), candidateParameters, 0.5);
        DeltaForest bySegment = new DeltaForest("macro_f1 by segment: candidate − production", "Δ macro_f1",
                MetricFormat.RATE, true,
                List.of(new DeltaRow("overall", 0.012, new Interval(0.006, 0.018), Verdict.BETTER),
                        new DeltaRow("segment=consumer", 0.021, new Interval(0.013, 0.029), Verdict.BETTER),
                        new DeltaRow("segment=enterprise", -0.031, new Interval(-0.046, -0.016), Verdict.WORSE),
                        new DeltaRow("segment=smb", 0.004, new Interval(-0.008, 0.016),
                                Verdict.NO_SIGNIFICANT_DIFFERENCE)));
        DeltaForest byLanguage = new DeltaForest("macro_f1 by language: candidate − production", "Δ macro_f1",
                MetricFormat.RATE, true,
                List.of(new DeltaRow("language=de", -0.041, new Interval(-0.058, -0.024), Verdict.WORSE),
                        new DeltaRow("language=en", 0.019, new Interval(0.011, 0.027), Verdict.BETTER),
                        new DeltaRow("language=ja", 0.010, new Interval(-0.060, 0.080), Verdict.TOO_FEW_EXAMPLES)));
        EvidenceTable primaryTable = new EvidenceTable("macro_f1 by slice",
                List.of("Slice", "n", "Production", "Candidate", "Δ", "95% CI of Δ", "Verdict"),
                List.of(List.of(Cell.plain("overall"), Cell.plain("20000"), Cell.plain("0.801"), Cell.plain("0.813"),
                                Cell.plain("+0.012"), Cell.plain("[+0.006, +0.018]"), new Cell("▲ better", Tone.BETTER)),
                        List.of(Cell.plain("language=de"), Cell.plain("3100"), Cell.plain("0.790"),
                                Cell.plain("0.749"), Cell.plain("−0.041"), Cell.plain("[−0.058, −0.024]"),
                                new Cell("▼ worse", Tone.WORSE))));
        EvidenceSection primary = new EvidenceSection(EvidencePageId.COMPARE, "Primary metric", Outcome.PASS,
                "lower bound of Δ macro_f1 +0.006 ≥ −0.010 margin", List.of(bySegment), List.of(primaryTable),
                null);
        EvidenceSection languages = new EvidenceSection(EvidencePageId.LANGUAGE_PARITY, "Language parity",
                Outcome.FAIL, "language=de significantly worse (Holm-adjusted p < 0.001)", List.of(byLanguage), List.of(), null);
        EvidenceSection fairness = new EvidenceSection(EvidencePageId.FAIRNESS, "Fairness", Outcome.PASS,
                "equalized-odds difference 0.031 vs production 0.029, within tolerance 0.02",
                List.of(new PairedEstimates("Selection rate by gender", "selection rate",
                        List.of(new PairedRow("gender=female", 0.31, new Interval(0.29, 0.33), 0.32,
                                        new Interval(0.30, 0.34)),
                                new PairedRow("gender=male", 0.30, new Interval(0.28, 0.32), 0.30,
                                        new Interval(0.28, 0.32))), List.of())),
                List.of(), null);
        EvidenceSection safety = new EvidenceSection(EvidencePageId.SAFETY,
                "Safety", Outcome.PASS, "no category worse; every rate below 1%",
                List.of(new PairedEstimates("Violation rate by category", "violation rate",
                        List.of(new PairedRow("self-harm", 0.002, new Interval(0.000, 0.006), 0.001,
                                new Interval(0.000, 0.004))), List.of(new Limit(0.01, "accepted rate 0.01")))),
                List.of(), null);
        EvidenceSection latency = new EvidenceSection(EvidencePageId.LATENCY,
                "Latency", Outcome.PASS, "p99 182 ms ≤ SLO 250 ms",
                List.of(new PairedEstimates("Latency percentiles", "ms",
                        List.of(new PairedRow("p50", 41, new Interval(40, 42), 44, new Interval(43, 45)),
                                new PairedRow("p95", 120, new Interval(115, 126), 131, new Interval(125, 138)),
                                new PairedRow("p99", 170, new Interval(160, 181), 182, new Interval(171, 195))),
                        List.of(new Limit(150, "SLO p95 150 ms"), new Limit(250, "SLO p99 250 ms")))),
                List.of(), null);
        EvidenceSection canary = new EvidenceSection(EvidencePageId.CANARY,
                "Canary", Outcome.INSUFFICIENT_EVIDENCE, "the pack has no canary.csv",
                List.of(), List.of(), null);
        EvidenceSection holdout = new EvidenceSection(EvidencePageId.HOLDOUT,
                "Holdout over time", Outcome.PASS, "no long-term drift",
                List.of(new TimeSeries("Persistent holdout vs treated", "success rate", List.of(
                        new Series("holdout", SeriesRole.PRODUCTION, List.of(
                                new TimePoint(LocalDate.parse("2026-08-01"), 0.71, new Interval(0.69, 0.73)),
                                new TimePoint(LocalDate.parse("2026-09-01"), 0.72, new Interval(0.70, 0.74)),
                                new TimePoint(LocalDate.parse("2026-10-01"), 0.71, new Interval(0.69, 0.73)))),
                        new Series("treated", SeriesRole.CANDIDATE, List.of(
                                new TimePoint(LocalDate.parse("2026-08-01"), 0.74, null),
                                new TimePoint(LocalDate.parse("2026-09-01"), 0.75, null),
                                new TimePoint(LocalDate.parse("2026-10-01"), 0.77, null)))), List.of())),
                List.of(), null);
        EvidenceSection human = new EvidenceSection(EvidencePageId.HUMAN_BASELINE,
                "Human baseline", Outcome.PASS, "candidate accuracy 0.84 vs humans 0.82",
                List.of(new PairedEstimates("Accuracy against human labels", "accuracy",
                        List.of(new PairedRow("accuracy", 0.83, new Interval(0.81, 0.85), 0.84,
                                new Interval(0.82, 0.86))), List.of(new Limit(0.82, "humans 0.82")))),
                List.of(), null);
        EvidenceSection breaker = new EvidenceSection(EvidencePageId.METRIC_HISTORY, "Circuit breaker", Outcome.PASS,
                "candidate 0.813 ≥ historical best 0.809 − 0.02", List.of(), List.of(), null);
        return new ApprovalPackContent("support-router-2026-11", new ModelInfo("support-router", Task.MULTICLASS, 2,
                null, TargetUnit.NONE), "macro_f1", List.of(production, candidate), "43", List.of("ML lead"),
                "Blocked: not every gate passes. Risk tier 2 would need an ML lead once they do.",
                List.of(primary, languages, fairness, safety, latency, canary, holdout, human, breaker),
                List.of("canary", "annotations"),
                List.of(new CheckResult("Primary metric below baseline", Outcome.NOT_FIRED, "−1.2% (limit −5%)"),
                        new CheckResult("Feature drift: channel", Outcome.FIRED, "PSI 0.31 ≥ 0.25, chi-square p < 0.001")),
                "investigate",
                List.of(new CheckResult("Contamination", Outcome.PASS, "0 of 20000 evaluation ids in training ids"),
                        new CheckResult("Label quality", Outcome.INSUFFICIENT_EVIDENCE, "no annotations.csv")),
                List.of(new DecisionEvidence("7", "support-router", "promotion", "2026-11-20", "hold",
                        "German tickets regress; retrain with more German data first.",
                        List.of(new SignatureEvidence("Ada Example", "ML lead",
                                "442780186045a4aaaa99a0d169f227b3cacfbfe44a9b69c1298f046e7cd886a3", "valid",
                                new DecisionEvidence.Trust(true, "listed in trusted-signers.json"))),
                        "complete", "9c1b2d3e4f5a69788796a5b4c3d2e1f0aabbccddeeff00112233445566778899", "", null)),
                new LogCheckpoint(7, "5d1e0c2b3a4958677685a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3", "✔ valid",
                        CHECKPOINT_JSON, "verdict-log checkpoint\n7\nXR4MKzpJWGd3aaS0w9Hg+ai3xtXk86KxwNno96a1xNM=\n",
                        null, null, null,
                        "trusted-signers.json", null),
                evidenceHashes, new ApprovalPackContent.PolicyEvidence("policy.json",
                        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    }
}
