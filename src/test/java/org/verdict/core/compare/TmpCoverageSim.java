package org.verdict.core.compare;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.Metric;
import org.verdict.core.task.Progress;

class TmpCoverageSim {
    final ComparisonEngine engine = new ComparisonEngine();

    /** Binary: label ~ B(0.3); per row a joint draw of (prod correct, cand correct). */
    static EvaluationTable binary(int n, SplittableRandom r) {
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
            double u = r.nextDouble();
            // both right .75, prod only .05, cand only .10, neither .10
            boolean p = u < 0.80;
            boolean c = u < 0.75 || (u >= 0.80 && u < 0.90);
            prod[i] = p ? labels[i] : 1 - labels[i];
            cand[i] = c ? labels[i] : 1 - labels[i];
        }
        return TestTables.binary(labels, null, null, prod, cand, Map.of());
    }

    static EvaluationTable multiclass(int n, SplittableRandom r) {
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        double[] classP = {0.4, 0.3, 0.2, 0.1};
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int l = u < 0.4 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
            labels[i] = l;
            prod[i] = r.nextDouble() < 0.7 ? l : r.nextInt(4);
            cand[i] = r.nextDouble() < 0.78 ? l : r.nextInt(4);
        }
        return TestTables.multiclass(List.of("a", "b", "c", "d"), labels, prod, cand, Map.of());
    }

    static EvaluationTable regression(int n, SplittableRandom r) {
        double[] y = new double[n];
        double[] p = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 200_000 + r.nextDouble() * 500_000;
            p[i] = y[i] + 40_000 * r.nextGaussian();
            c[i] = y[i] + 36_000 * r.nextGaussian();
        }
        return TestTables.regression(y, p, c, Map.of());
    }

    interface Gen {
        EvaluationTable make(int n, SplittableRandom r);
    }

    double truth(Gen gen, Metric metric) {
        EvaluationTable big = gen.make(2_000_000, new SplittableRandom(999));
        ComparisonOptions o = new ComparisonOptions(0.95, 30, 0.05, 1000, 1, CorrectionMethod.NONE, List.of());
        return engine.compare("t", big, "1", "2", metric, o, Progress.NONE).resultsFor(metric).get(0).delta();
    }

    void cell(String name, Gen gen, Metric metric, int n, int reps) {
        double truth = truth(gen, metric);
        int covered = 0;
        int total = 0;
        int unstable = 0;
        SplittableRandom r = new SplittableRandom(n * 31L + metric.ordinal());
        for (int k = 0; k < reps; k++) {
            ComparisonOptions o = new ComparisonOptions(0.95, 30, 0.05, 1000, k, CorrectionMethod.NONE, List.of());
            SliceResult res = engine.compare("t", gen.make(n, r), "1", "2", metric, o, Progress.NONE)
                    .resultsFor(metric).get(0);
            if (res.deltaCi() == null) {
                unstable++;
                continue;
            }
            total++;
            if (res.deltaCi().contains(truth)) {
                covered++;
            }
        }
        double c = (double) covered / total;
        System.out.printf("COVER %s %s n=%d truth=%.4f coverage=%.3f ± %.3f (%d intervals, %d without)%n", name,
                metric.wireName(), n, truth, c, Math.sqrt(c * (1 - c) / total), total, unstable);
    }

    @Test
    void run() {
        for (int n : new int[] {30, 50, 200}) {
            cell("binary", TmpCoverageSim::binary, Metric.ACCURACY, n, 1000);
            cell("binary", TmpCoverageSim::binary, Metric.F1, n, 400);
            cell("binary", TmpCoverageSim::binary, Metric.RECALL, n, 1000);
            cell("multiclass", TmpCoverageSim::multiclass, Metric.MACRO_F1, n, 400);
            cell("regression", TmpCoverageSim::regression, Metric.MAE, n, 400);
        }
    }
}
