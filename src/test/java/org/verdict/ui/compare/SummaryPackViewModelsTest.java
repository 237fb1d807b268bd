package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import org.verdict.ui.gates.GateRow;
import org.verdict.ui.gates.GatesViewModel;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;

/**
 * The app's Compare and Gates view-models, wired as the app wires them, open a summary pack of the multiclass
 * support-router sample through the same loader as its rows, and show what the rows show.
 */
class SummaryPackViewModelsTest {
    private static final Path SAMPLE = Path.of("sample-data", "support-router");

    @TempDir
    static Path folder;
    private static ReviewPack rows;
    private static ReviewPack summary;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    /** The executors the Compare view-models ran on, whose unhandled failures the tests assert on. */
    private final List<CurrentThreadExecutor> compareExecutors = new ArrayList<>();

    @BeforeAll
    static void summarise() throws Exception {
        PackLoader loader = SummaryPacks.loader();
        rows = loader.load(SAMPLE, Progress.NONE);
        new DuckDbSummarizer("512MB", 1).carrying(SAMPLE, PackEvidenceCheck.ofStagedSummaryPack())
                .summarize(SAMPLE.resolve("primary.csv").toString(), null,
                rows.manifest(), true, false, 5L, folder.resolve("summary"), Progress.NONE);
        summary = loader.load(folder.resolve("summary"), Progress.NONE);
    }

    private CompareViewModel compareModel() {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        compareExecutors.add(executor);
        ComparisonEngine engine = new ComparisonEngine();
        return new CompareViewModel(new SummaryComparison(engine)::compare, engine::confusionMatrix, executor,
                new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
    }

    @Test
    void compareShowsTheSummaryPacksSlicesVerdictsAndConfusionMatricesAsTheRows() {
        CompareViewModel fromRows = compareModel();
        fromRows.showPack(rows);
        CompareViewModel fromSummary = compareModel();
        fromSummary.showPack(summary);
        assertEquals(List.of(), compareExecutors.stream().flatMap(used -> used.unhandledFailures().stream()).toList());

        assertEquals(fromRows.dimensions(), fromSummary.dimensions());
        assertEquals("", fromRows.evidenceBasisProperty().get());
        String basis = fromSummary.evidenceBasisProperty().get();
        assertTrue(basis.startsWith("Summary pack: 24,000 rows summarised by duckdb"), basis);
        assertTrue(basis.contains("Count metrics from the paired cells, exactly as from the rows"), basis);
        assertEquals(texts(fromRows), texts(fromSummary), "macro F1 counts: the cells give the rows' numbers");
        assertTrue(texts(fromSummary).stream().anyMatch(row -> row.startsWith("language=ja") && row.contains("worse")));

        ConfusionPair rowMatrices = fromRows.confusionProperty().get();
        ConfusionPair summaryMatrices = fromSummary.confusionProperty().get();
        assertEquals(SliceKey.OVERALL, summaryMatrices.slice());
        assertSameCounts(rowMatrices.production(), summaryMatrices.production());
        assertSameCounts(rowMatrices.candidate(), summaryMatrices.candidate());
        SliceKey japanese = new SliceKey(List.of("language"), List.of("ja"));
        fromRows.selectSlice(japanese);
        fromSummary.selectSlice(japanese);
        assertSameCounts(fromRows.confusionProperty().get().candidate(),
                fromSummary.confusionProperty().get().candidate());
    }

    @Test
    void gatesJudgeTheSummaryPackAsTheRowsSaveContamination() {
        GateReview review = new GateReview(new ComparisonEngine(), SummaryPacks.loader(), new SuiteReader(),
                new PolicyReader());
        GatesViewModel.Reviewer reviewer = (pack, candidate, progress) ->
                review.reviewUnderItsPolicy(pack, candidate, progress);
        CurrentThreadExecutor judging = new CurrentThreadExecutor();
        GatesViewModel fromRows = new GatesViewModel(reviewer, judging, new ActivityMonitor(() -> 0),
                ResourceBundle.getBundle("org.verdict.ui.gates.gates"), id -> { }, new SimpleStringProperty());
        GatesViewModel fromSummary = new GatesViewModel(reviewer, judging, new ActivityMonitor(() -> 0),
                ResourceBundle.getBundle("org.verdict.ui.gates.gates"), id -> { }, new SimpleStringProperty());
        fromRows.showPack(rows);
        fromSummary.showPack(summary);
        assertEquals(List.of(), judging.unhandledFailures());
        assertEquals(fromRows.rows().size(), fromSummary.rows().size());
        for (int g = 0; g < fromRows.rows().size(); g++) {
            GateRow row = fromRows.rows().get(g);
            GateRow sum = fromSummary.rows().get(g);
            if (row.gate() != Gate.CONTAMINATION) {
                assertEquals(row.outcome(), sum.outcome(), row.gate() + ": " + sum.summary());
            } else {
                assertTrue(sum.summary().contains("no example ids"), sum.summary());
            }
        }
        assertFalse(fromSummary.headlineProperty().get().isBlank());
    }

    private static List<String> texts(CompareViewModel model) {
        return model.rows().stream().map(row -> row.slice() + " " + row.n() + " " + row.verdictText()).toList();
    }

    private static void assertSameCounts(ConfusionMatrix expected, ConfusionMatrix actual) {
        assertEquals(expected.classes(), actual.classes());
        for (int label = 0; label < expected.classes().size(); label++) {
            for (int predicted = 0; predicted < expected.classes().size(); predicted++) {
                assertEquals(expected.count(label, predicted), actual.count(label, predicted));
            }
        }
    }
}
