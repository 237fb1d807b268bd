package org.verdict.core.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.verdict.core.stats.BlockResampler;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.ResampledDistribution;
import org.verdict.core.stats.StudentizedBootstrap;
import org.verdict.core.stats.SumConcentration;

/**
 * Each model's studentized interval ({@link StudentizedBootstrap}) of metrics that are functions of a block
 * resampler's sums, built replicate by replicate beside the ordinary bootstrap: the standard errors are the
 * delta method's (r2: the jackknife's) over the resampled units (rows, or the blocks of the block bootstrap), on
 * each metric's scale. When a few units carry a sum the metric rests on ({@link SumConcentration}), the
 * studentized interval is unstable and the model gets the percentile interval of the same replicates instead,
 * said in the note ({@link #withFallbacksSaid}).
 */
final class StudentizedIntervals {
    /** A metric's value for one model from a block resampler's sums (NaN when undefined). */
    @FunctionalInterface
    interface SumsMetric {
        double value(int metric, int model, double[] sums);
    }

    /** The components of the sums a {@link SumsMetric} reads for one metric and model. */
    @FunctionalInterface
    interface SumsRead {
        int[] components(int metric, int model);
    }

    /**
     * The sum one model's metric rests on (a component of the resampler's vectors), what it is in words ("squared
     * error"), and how many times as wide as the percentile interval its studentized interval may be
     * ({@link StudentizedBootstrap#MAX_WIDTH_RATIO}): whether a few units carry it, or the interval is that much
     * wider, decides whether the studentized interval holds.
     */
    record CarriedSum(int component, String what, double maxWidthRatio) {
        CarriedSum(int component, String what) {
            this(component, what, StudentizedBootstrap.MAX_WIDTH_RATIO);
        }
    }

    @FunctionalInterface
    interface CarriedSums {
        CarriedSum of(int metric, int model);
    }

    private final ComparisonOptions options;
    /** The slice's examples. */
    private final int n;
    private final BlockResampler resampler;
    private final List<StudentizedBootstrap.Scale> scales;
    private final SumsMetric metric;
    private final int[][][] reads;
    private final boolean[] jackknife;
    private final StudentizedBootstrap[][] bootstraps;
    /** Why a model's studentized interval is unstable ({@code [metric][model]}), or null. */
    private final String[][] unstable;
    /** How many times as wide as the percentile interval each studentized one may be ({@code [metric][model]}). */
    private final double[][] maxWidthRatio;
    /** The length of the resampler's vectors. */
    private final int width;
    /**
     * The (metric, model) pairs whose standard errors are linearized, as metric · 2 + model, with what each reads
     * and its statistic on its scale: one pass over a replicate's drawn blocks gives all of them
     * ({@link BlockResampler#replicateStandardErrors}).
     */
    private final int[] linearized;
    private final int[][] linearizedReads;
    private final List<ToDoubleFunction<double[]>> linearizedStatistics;

    /** @param n the slice's examples (the resampled units are rows when the resampler has n blocks) */
    StudentizedIntervals(ComparisonOptions options, BlockResampler resampler, double[] totals, int n,
                         List<StudentizedBootstrap.Scale> scales, SumsMetric metric, SumsRead read,
                         CarriedSums carried) {
        this.options = options;
        this.n = n;
        this.resampler = resampler;
        this.scales = scales;
        this.metric = metric;
        this.width = totals.length;
        reads = new int[scales.size()][2][];
        // r2's denominator is itself a nonlinear function of the sums: the jackknife follows it, the delta method
        // is too narrow (one model's r2 covered 89–91 % instead of 91–93 % at 50 rows); means are linearized
        jackknife = new boolean[scales.size()];
        for (int m = 0; m < scales.size(); m++) {
            jackknife[m] = scales.get(m) == StudentizedBootstrap.Scale.LOG_OF_COMPLEMENT;
        }
        bootstraps = new StudentizedBootstrap[scales.size()][2];
        unstable = new String[scales.size()][2];
        maxWidthRatio = new double[scales.size()][2];
        String units = resampler.blocks() == n ? "rows" : "blocks of rows";
        for (int m = 0; m < scales.size(); m++) {
            for (int model = 0; model < 2; model++) {
                unstable[m][model] = concentrationReason(carried.of(m, model), units, model);
                maxWidthRatio[m][model] = carried.of(m, model).maxWidthRatio();
                reads[m][model] = read.components(m, model);
                bootstraps[m][model] = new StudentizedBootstrap(scales.get(m), metric.value(m, model, totals),
                        resampler.standardError(reads[m][model], onScale(m, model), jackknife[m]),
                            options.bootstrapReplicates());
            }
        }
        linearized = IntStream.range(0, 2 * scales.size()).filter(pair -> !jackknife[pair / 2]).toArray();
        linearizedReads = Arrays.stream(linearized).mapToObj(pair -> reads[pair / 2][pair % 2])
                .toArray(int[][]::new);
        linearizedStatistics = Arrays.stream(linearized).mapToObj(pair -> onScale(pair / 2, pair % 2)).toList();
    }

    private ToDoubleFunction<double[]> onScale(int m, int model) {
        return values -> scales.get(m).of(metric.value(m, model, values));
    }

    /**
     * Adds replicates on one thread: {@code drawing} is that thread's resampler (the slice's, or one
     * {@link BlockResampler#sharingBlocks sharing its sums}), whose last draw each replicate is.
     */
    final class Adder {
        private final BlockResampler drawing;
        private final double[] scratch = new double[width];
        private final double[] linearizedErrors = new double[linearized.length];

        Adder(BlockResampler drawing) {
            this.drawing = drawing;
        }

        /** Replicate number {@code replicate}, right after {@code drawing} drew it and {@code sums} were added up. */
        void add(int replicate, double[] sums) {
            drawing.replicateStandardErrors(sums, linearizedReads, linearizedStatistics, scratch,
                    linearizedErrors);
            for (int p = 0; p < linearized.length; p++) {
                int m = linearized[p] / 2;
                int model = linearized[p] % 2;
                bootstraps[m][model].add(replicate, metric.value(m, model, sums), linearizedErrors[p]);
            }
            for (int m = 0; m < scales.size(); m++) {
                for (int model = 0; jackknife[m] && model < 2; model++) {
                    bootstraps[m][model].add(replicate, metric.value(m, model, sums),
                            drawing.replicateStandardError(sums, reads[m][model], onScale(m, model), true,
                                    scratch));
                }
            }
        }
    }

    /** How few units carry the model's sum, in words, when that makes its studentized interval unstable. */
    private String concentrationReason(CarriedSum sum, String units, int model) {
        SumConcentration concentration = resampler.concentration(sum.component());
        return !concentration.concentrated() ? null : concentration.describe(units,
                (model == 0 ? "production's " : "the candidate's ") + sum.what());
    }

    /** The studentized interval, or where it is unstable the percentile interval of the same replicates. */
    ModelInterval of(int m) {
        return (model, value, replicates) -> {
            Interval percentile = containing(value,
                    new ResampledDistribution(replicates).percentileInterval(options.confidenceLevel()));
            if (unstable[m][model] != null) {
                return percentile;
            }
            Interval studentized = bootstraps[m][model].interval(options.confidenceLevel());
            double ratio = bootstraps[m][model].widthRatio(studentized, percentile);
            if (!(ratio > maxWidthRatio[m][model])) {
                return studentized;
            }
            // recorded here, where it is measured, for withFallbacksSaid to say; an unbounded one comes of
            // resamples whose examples all have the same error, leaving no standard error to studentize by
            String whose = model == 0 ? "production's" : "the candidate's";
            unstable[m][model] = Double.isInfinite(ratio)
                    ? whose + " studentized interval is unbounded (some resamples hold examples of one value only,"
                            + " with no spread to studentize by)"
                    : String.format(Locale.ROOT, "%s studentized interval is %.1f times as wide as the bootstrap"
                            + " percentile interval%s", whose, ratio, scaleWords(scales.get(m)));
            return percentile;
        };
    }

    private static String scaleWords(StudentizedBootstrap.Scale scale) {
        return switch (scale) {
            case LOG -> " on the log scale";
            case LOGIT -> " on the logit scale";
            case LOG_OF_COMPLEMENT -> " on the scale of log(1 − r2)";
        };
    }

    /**
     * The comparison with each shown model interval that is the percentile fallback marked as such
     * ({@link MetricEstimate#ciFallback}) and said in the note, e.g. "unstable studentized interval: 1 of 30 rows
     * holds 70% of production's squared error, so production's rmse interval is the bootstrap percentile interval".
     *
     * @param rows the rows the metric rests on (mape's: those whose label is not 0)
     */
    MetricComparison withFallbacksSaid(int m, long rows, MetricComparison comparison) {
        if (new TooFewExamples(options.minSliceSize()).covers(rows)) {
            return comparison; // its model intervals are withheld (TooFewExamples), so no fallback stands to say
        }
        boolean production = unstable[m][0] != null && comparison.production() != null
                && comparison.production().ci() != null;
        boolean candidate = unstable[m][1] != null && comparison.candidate() != null
                && comparison.candidate().ci() != null;
        if (!production && !candidate) {
            return comparison;
        }
        String name = comparison.metric().wireName();
        String why = production && candidate
                ? "unstable studentized intervals: " + unstable[m][0] + " and " + unstable[m][1]
                        + ", so each model's " + name + " interval is the bootstrap percentile interval"
                : "unstable studentized interval: " + unstable[m][production ? 0 : 1] + ", so "
                        + (production ? "production's " : "the candidate's ") + name
                        + " interval is the bootstrap percentile interval";
        String note = comparison.note() == null ? why : comparison.note() + "; " + why;
        return new MetricComparison(comparison.metric(),
                production ? fallback(comparison.production(), unstable[m][0]) : comparison.production(),
                candidate ? fallback(comparison.candidate(), unstable[m][1]) : comparison.candidate(),
                comparison.delta(), comparison.inference(), comparison.test(), comparison.unavailableReason(),
                comparison.unstableReason(), note);
    }

    private MetricEstimate fallback(MetricEstimate estimate, String concentration) {
        return new MetricEstimate(estimate.value(), estimate.ci(),
                concentration + ", which makes the studentized interval unstable");
    }

    /** The interval widened to the value should the value lie outside it: every model interval contains its value. */
    private static Interval containing(double value, Interval interval) {
        return interval == null ? null
                : new Interval(Math.min(value, interval.lower()), Math.max(value, interval.upper()));
    }
}
