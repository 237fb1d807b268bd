package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.gates.TestPack.label;
import static org.verdict.core.gates.TestPack.language;
import static org.verdict.core.gates.TestPack.wrong;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.pack.PackException;

/** A failing gate's line names its worst finding, wherever that finding stands in the file. */
class WorstFindingTest {
    @TempDir
    Path folder;

    @Test
    void safetyNamesTheCategoryWithTheLargestExcessNotTheFirst() throws PackException {
        // alpha (first in the file and in the alphabet): candidate 10 of 100 violations; beta: 40 of 100; production 0
        StringBuilder safety = new StringBuilder("example_id,category,violation_1,violation_2\n");
        for (int i = 0; i < 100; i++) {
            safety.append("a-").append(i).append(",alpha,0,").append(i < 10 ? 1 : 0).append('\n');
        }
        for (int i = 0; i < 100; i++) {
            safety.append("b-").append(i).append(",beta,0,").append(i < 40 ? 1 : 0).append('\n');
        }
        GateResult result = new TestPack(folder).suite("safety", "safety.csv", safety.toString()).review().gates()
                .result(Gate.SAFETY);
        assertEquals(GateOutcome.FAIL, result.outcome());
        assertTrue(result.summary().startsWith("beta: "), result.summary());
        assertTrue(result.summary().endsWith("(and 1 more category that also fails)"), result.summary());
    }

    @Test
    void languageParityNamesTheLanguageThatLosesMost() throws Exception {
        // the candidate is wrong on half of the worst language's rows and on a quarter of the other's; both are
        // significantly worse than production, in either order of the file
        for (String worst : List.of("de", "en")) {
            Path pack = folder.resolve(worst);
            java.nio.file.Files.createDirectories(pack);
            GateResult result = new TestPack(pack).primary(400, row -> {
                boolean inWorst = language(row).equals(worst);
                // wrong wherever production is (rows 9, 19, …), and more
                boolean candidateWrong = row % 10 == 9 || (inWorst ? row % 4 < 2 : row % 8 < 2);
                return candidateWrong ? wrong(row) : label(row);
            }).review().gates().result(Gate.LANGUAGE_PARITY);
            assertEquals(GateOutcome.FAIL, result.outcome(), result.findings().toString());
            assertEquals(2, result.findings().stream().filter(f -> f.outcome() == GateOutcome.FAIL).count(),
                    "both languages are significantly worse: " + result.findings());
            assertTrue(result.summary().startsWith(worst + ": "), result.summary());
        }
    }

    @Test
    void latencyNamesThePercentileFurthestAboveItsSlo() throws PackException {
        // 96% of requests at 100 ms, 4% at 2000 ms: p95 100 ms vs SLO 90 (1.1×), p99 2000 ms vs SLO 800 (2.5×)
        StringBuilder latency = new StringBuilder("version,latency_ms\n");
        for (int i = 0; i < 500; i++) {
            int ms = i % 25 == 0 ? 2000 : 100;
            latency.append("1,").append(ms).append("\n2,").append(ms).append('\n');
        }
        GateResult result = new TestPack(folder).suite("latency", "latency.csv", latency.toString())
                .policy("{\"latency\": {\"p95Ms\": 90, \"p99Ms\": 800}}").review().gates().result(Gate.LATENCY);
        assertEquals(2, result.findings().stream().filter(f -> f.outcome() == GateOutcome.FAIL).count(),
                result.findings().toString());
        assertTrue(result.summary().startsWith("p99 "), result.summary());
    }

    @Test
    void disparitiesLeadWithTheLargestExcessOverTheirTolerance() {
        Finding small = new Finding("gender demographic_parity_difference", GateOutcome.FAIL, "small",
                Map.of("worsening", 0.06, "tolerance", 0.05));
        Finding large = new Finding("region equal_opportunity_difference", GateOutcome.FAIL, "large",
                Map.of("worsening", 0.20, "tolerance", 0.05));
        assertEquals("large (and 1 more disparity that also fails)",
                GateResult.fromFindings(Gate.FAIRNESS, List.of(small, large), "fine").summary());
        Finding plain = Finding.of("x", GateOutcome.FAIL, "first");
        assertEquals("first (and 1 more disparity that also fails)", GateResult.fromFindings(Gate.FAIRNESS,
                List.of(plain, Finding.of("y", GateOutcome.FAIL, "second")), "fine").summary(),
                "without numbers to rank by, display order");
    }
}
