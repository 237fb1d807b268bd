package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * The gates judged on a summary pack against the same gates on the rows it summarises: the primary metric, language
 * parity (here the channel column), fairness over a sensitive column, schema and volume must come out the same.
 */
class SummaryPackGatesTest {
    @TempDir
    Path folder;

    /** Language parity on channel, volume per region, minimums that the tiny slices miss. */
    private static final String POLICY = """
            {
              "languageParity": {"column": "channel"},
              "validation": {"minPerClass": 20, "minPerLanguage": 100, "minPerSegment": 30, "segmentColumn": "region"},
              "fairness": {"minGroupSize": 30}
            }
            """;

    @ParameterizedTest
    @EnumSource(Task.class)
    void gatesOnASummaryPackAreTheGatesOnItsRows(Task task) throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), task, 12_000, 5);
        Files.writeString(folder.resolve("policy.json"), POLICY, StandardCharsets.UTF_8);
        GatePolicy policy = new PolicyReader().read(folder.resolve("policy.json"), "policy.json");
        PackLoader loader = SummaryPacks.loader();
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        CandidateReview fromRows;
        try (ReviewPack rows = loader.load(rowPack, Progress.NONE)) {
            assertFalse(rows.isSummary());
            fromRows = gates.review(rows, null, policy, Progress.NONE);
            new DuckDbSummarizer("512MB", 1).summarize(rowPack.resolve("primary.csv").toString(), null,
                    rows.manifest(), true, true, 99L, folder.resolve("summary"), Progress.NONE);
        }
        CandidateReview fromSummary;
        try (ReviewPack summary = loader.load(folder.resolve("summary"), Progress.NONE)) {
            assertTrue(summary.isSummary());
            assertEquals(12_000, summary.summary().rowCount());
            fromSummary = gates.review(summary, null, policy, Progress.NONE);
        }

        List<GateResult> rowGates = fromRows.gates().gates();
        List<GateResult> summaryGates = fromSummary.gates().gates();
        assertEquals(rowGates.stream().map(GateResult::gate).toList(),
                summaryGates.stream().map(GateResult::gate).toList());
        for (int g = 0; g < rowGates.size(); g++) {
            assertEquals(rowGates.get(g).outcome(), summaryGates.get(g).outcome(), rowGates.get(g).gate() + ": "
                    + summaryGates.get(g).summary() + " vs rows " + rowGates.get(g).summary());
        }
        // counted from the same cells: the volume findings (and, for classification, fairness) are the rows' own
        assertEquals(findings(fromRows, Gate.VOLUME), findings(fromSummary, Gate.VOLUME));
        assertTrue(findings(fromRows, Gate.VOLUME).stream().anyMatch(f -> f.contains("region=tiny")
                && f.contains("minimum 30")), "the tiny region is counted and found short");
        assertEquals(result(fromRows, Gate.VOLUME).outcome(), GateOutcome.FAIL);
        assertEquals(fromRows.evidence().fairness(), fromSummary.evidence().fairness());
        assertEquals(task.isClassification(), fromSummary.evidence().fairness().isPresent());
        assertEquals(fromRows.evidence().worseSlices().stream().map(s -> s.slice().label()).toList(),
                fromSummary.evidence().worseSlices().stream().map(s -> s.slice().label()).toList());
        // language parity compares the channel's slices on both
        assertEquals(fromRows.evidence().languageComparison().orElseThrow().results().size(),
                fromSummary.evidence().languageComparison().orElseThrow().results().size());
        assertTrue(result(fromSummary, Gate.SCHEMA).findings().get(0).detail().contains("12,000 rows summarised"));
    }

    /**
     * A class model.classes lists that no row is labelled with, predicted by the candidate on every 40th row (100 of
     * 4,000): the summary's cells say how often each model predicts it, as the rows do, so the volume gate's finding is
     * the same.
     */
    @Test
    void aClassNeverLabelledIsCountedFromTheCellsAsFromTheRows() throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.MULTICLASS, 4_000, 5);
        Files.writeString(rowPack.resolve("manifest.json"), RowPacks.manifest(Task.MULTICLASS).replace(
                "\"riskTier\": 2}", "\"riskTier\": 2, \"classes\": [\"abuse\", \"account\", \"billing\","
                        + " \"refund\", \"sales\", \"technical\"]}"), StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(rowPack.resolve("primary.csv"));
        for (int line = 40; line < lines.size(); line += 40) {
            lines.set(line, lines.get(line).substring(0, lines.get(line).lastIndexOf(',') + 1) + "refund");
        }
        Files.write(rowPack.resolve("primary.csv"), lines, StandardCharsets.UTF_8);
        PackLoader loader = SummaryPacks.loader();
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        GatePolicy policy = GatePolicy.DEFAULTS;
        List<String> fromRows;
        try (ReviewPack rows = loader.load(rowPack, Progress.NONE)) {
            fromRows = findings(gates.review(rows, null, policy, Progress.NONE), Gate.VOLUME);
            new DuckDbSummarizer("512MB", 1).summarize(rowPack.resolve("primary.csv").toString(), null,
                    rows.manifest(), true, true, 99L, folder.resolve("summary"), Progress.NONE);
        }
        try (ReviewPack summary = loader.load(folder.resolve("summary"), Progress.NONE)) {
            assertEquals(fromRows, findings(gates.review(summary, null, policy, Progress.NONE), Gate.VOLUME));
        }
        assertTrue(fromRows.contains("class refund is in model.classes but no row of the primary suite is labelled with"
                + " it, so its volume cannot be judged and the models cannot be measured on rows of it (add labelled examples"
                + " to judge it); the candidate predicts it for 100 of 4,000 rows (2.5%), production for none: each a"
                + " wrong prediction, lost from the recall of the row's own class"), fromRows.toString());
    }

    private static GateResult result(CandidateReview review, Gate gate) {
        return review.gates().gates().stream().filter(r -> r.gate() == gate).findFirst().orElseThrow();
    }

    private static List<String> findings(CandidateReview review, Gate gate) {
        return result(review, gate).findings().stream().map(f -> f.detail()).toList();
    }
}
