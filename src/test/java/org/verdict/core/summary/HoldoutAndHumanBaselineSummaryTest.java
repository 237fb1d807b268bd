package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * A row-level pack with a held-out set and a human baseline, summarised with DuckDB in-process as File → Summarise
 * rows does it (both suites summarised, not carried), judged against the same pack's rows: every gate's outcome
 * equal; the held-out comparison within {@link SummaryAgreement}'s tolerances (counts and count metrics equal); the
 * human baseline's accuracies, Wilson intervals and kappas equal, since its cells hold the rows' own counts.
 */
class HoldoutAndHumanBaselineSummaryTest {
    @TempDir
    Path folder;

    private static final String POLICY = """
            {
              "languageParity": {"column": "channel"},
              "validation": {"minPerClass": 20, "minPerLanguage": 100, "minPerSegment": 30, "segmentColumn": "region"}
            }
            """;

    @ParameterizedTest
    @EnumSource(Task.class)
    void summarisedHoldoutAndHumanBaselineGiveTheRowsEvidence(Task task) throws Exception {
        Path rowPack = RowPacks.writeWithHoldoutAndHumanBaseline(folder.resolve("rows"), task, 8_000, 6_000, 400, 41);
        GatePolicy policy = policy();
        PackLoader loader = SummaryPacks.loader();
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        CandidateReview fromRows;
        Path summaryPack = folder.resolve("summary");
        try (ReviewPack rows = loader.load(rowPack, Progress.NONE)) {
            fromRows = gates.review(rows, null, policy, Progress.NONE);
            new DuckDbSummarizer("512MB", 1).carrying(rowPack, PackEvidenceCheck.ofStagedSummaryPack())
                    .summarizingSuitesIn(rowPack, rows.manifest())
                    .summarize(rowPack.resolve("primary.csv").toString(), null, rows.manifest(), true, true, 3L,
                            summaryPack, Progress.NONE);
        }

        // the held-out set's tables and the human baseline's cells stand in for their rows
        JsonNode manifest = new ObjectMapper().readTree(summaryPack.resolve("manifest.json").toFile());
        assertEquals("holdout_cells.csv", manifest.at("/suites/holdout/file").asText());
        assertEquals("[\"region\"]", manifest.at("/suites/holdout/slices").toString());
        assertEquals(6_000, manifest.at("/summary/holdout/rows").asLong());
        assertTrue(manifest.at("/summary/holdout/source").asText().endsWith("holdout.csv"));
        assertEquals(task != Task.MULTICLASS, Files.exists(summaryPack.resolve("holdout_blocks.csv")));
        assertEquals(task == Task.BINARY, Files.exists(summaryPack.resolve("holdout_ranking.csv")));
        assertFalse(Files.exists(summaryPack.resolve("holdout.csv")));
        assertFalse(Files.exists(summaryPack.resolve("human_baseline.csv")));
        if (task.isClassification()) {
            assertEquals("human_baseline_cells.csv", manifest.at("/suites/humanBaseline/file").asText());
            assertTrue(Files.readString(summaryPack.resolve("human_baseline_cells.csv"), StandardCharsets.UTF_8)
                    .startsWith("label,human,pred_7,pred_8,n\n"));
        }
        String sql = Files.readString(summaryPack.resolve("summary.sql"), StandardCharsets.UTF_8);
        assertTrue(sql.contains("-- holdout cells table"), "the held-out queries are part of the recorded SQL");

        CandidateReview fromSummary;
        try (ReviewPack summary = loader.load(summaryPack, Progress.NONE)) {
            assertTrue(summary.isSummary());
            HeldOutSet heldOut = HeldOutSet.read(summary, loader, Progress.NONE).orElseThrow();
            assertEquals(6_000, heldOut.rowCount(), "counts equal");
            assertTrue(heldOut.rows().isEmpty());
            fromSummary = gates.review(summary, null, policy, Progress.NONE);
        }

        // every gate comes out the same (contamination has no training ids to check in either)
        List<GateResult> rowGates = fromRows.gates().gates();
        List<GateResult> summaryGates = fromSummary.gates().gates();
        assertEquals(rowGates.size(), summaryGates.size());
        for (int g = 0; g < rowGates.size(); g++) {
            assertEquals(rowGates.get(g).gate(), summaryGates.get(g).gate());
            assertEquals(rowGates.get(g).outcome(), summaryGates.get(g).outcome(), rowGates.get(g).gate() + ": "
                    + summaryGates.get(g).summary() + " vs rows " + rowGates.get(g).summary());
        }

        // the held-out comparison: same slices and n, count metrics equal, the rest within the stated tolerances
        HeldOutSet.Comparison rowsHoldout = fromRows.evidence().holdoutComparison().orElseThrow();
        HeldOutSet.Comparison summaryHoldout = fromSummary.evidence().holdoutComparison().orElseThrow();
        assertNull(rowsHoldout.methods());
        assertTrue(summaryHoldout.methods().startsWith("Held-out set: 6,000 rows summarised by duckdb"),
                summaryHoldout.methods());
        assertTrue(SummaryAgreement.assertAgree(rowsHoldout.report(), summaryHoldout.report()) > 20);

        List<String> versions = List.of("7", "8");
        EvidenceSection heldOutSection = section(fromSummary, EvidencePageId.HOLDOUT);
        assertTrue(heldOutSection.summary().contains(summaryHoldout.methods()), "the section names its methods");
        assertEquals(section(fromRows, EvidencePageId.HOLDOUT).tables().get(0).rows().size(),
                heldOutSection.tables().get(0).rows().size());

        if (!task.isClassification()) {
            assertTrue(fromSummary.evidence().humanBaseline().isEmpty());
            return;
        }
        HumanBaselineEvidence humanRows = fromRows.evidence().humanBaseline().orElseThrow();
        HumanBaselineEvidence humanCells = fromSummary.evidence().humanBaseline().orElseThrow();
        assertFalse(humanRows.fromCells());
        assertTrue(humanCells.fromCells());
        assertEquals(400, humanCells.humanAccuracy().n());
        assertEquals(humanRows.humanAccuracy(), humanCells.humanAccuracy(), "same count, n, rate and interval");
        assertEquals(humanRows.modelAccuracy(), humanCells.modelAccuracy());
        for (String version : versions) {
            var kappaRows = humanRows.kappaWithHuman().get(version);
            var kappaCells = humanCells.kappaWithHuman().get(version);
            assertEquals(kappaRows.kappa(), kappaCells.kappa(), 1e-12);
            assertEquals(kappaRows.ci().lower(), kappaCells.ci().lower(), 1e-12, "the same standard error");
            assertEquals(kappaRows.ci().upper(), kappaCells.ci().upper(), 1e-12);
            assertEquals(humanRows.differenceFromHuman().get(version), humanCells.differenceFromHuman().get(version),
                    "the same discordant counts");
        }
        assertEquals(humanRows.disagreements().size(), humanCells.disagreeingExamples(),
                "each disagreeing example is in one cell");
        EvidenceSection human = section(fromSummary, EvidencePageId.HUMAN_BASELINE);
        assertTrue(human.summary().contains("Counted from paired cells"), human.summary());
        assertEquals(List.of("Label", "Human", "Candidate", "Production", "Examples"),
                human.tables().get(1).headers());
    }

    @Test
    void withoutTheirInputsTheHeldOutSetAndHumanBaselineAreCarriedAsRows() throws Exception {
        Path rowPack = RowPacks.writeWithHoldoutAndHumanBaseline(folder.resolve("rows"), Task.MULTICLASS, 2_000, 500,
                100, 7);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("256MB", 1).carrying(rowPack, PackEvidenceCheck.ofStagedSummaryPack())
                .summarize(rowPack.resolve("primary.csv").toString(), null,
                RowManifest.read(rowPack.resolve("manifest.json")), true, false, 3L, summaryPack, Progress.NONE);
        assertTrue(Files.exists(summaryPack.resolve("holdout.csv")));
        assertFalse(Files.exists(summaryPack.resolve("holdout_cells.csv")));
        PackLoader loader = SummaryPacks.loader();
        try (ReviewPack summary = loader.load(summaryPack, Progress.NONE)) {
            HeldOutSet heldOut = HeldOutSet.read(summary, loader, Progress.NONE).orElseThrow();
            assertEquals(500, heldOut.rows().orElseThrow().rowCount(), "read as rows, ids and all");
            assertTrue(heldOut.summary().isEmpty());
            assertFalse(new SuiteReader().read(summary.root(), summary.manifest(), Progress.NONE).humanBaseline()
                    .orElseThrow().isCells());
        }
    }

    private GatePolicy policy() throws Exception {
        Files.writeString(folder.resolve("policy.json"), POLICY, StandardCharsets.UTF_8);
        return new PolicyReader().read(folder.resolve("policy.json"), "policy.json");
    }

    private static EvidenceSection section(CandidateReview review, EvidencePageId page) {
        return EvidenceModel.of(review, List.of()).page(page).get(0);
    }
}
