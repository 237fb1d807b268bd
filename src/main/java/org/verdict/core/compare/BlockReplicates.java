package org.verdict.core.compare;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.verdict.core.compare.StudentizedIntervals.SumsMetric;
import org.verdict.core.stats.BlockResampler;
import org.verdict.core.task.AwaitedWork;
import org.verdict.core.task.Progress;

/**
 * The bootstrap replicates of metrics of a block resampler's sums, each replicate's sums also added to the
 * studentized intervals. The blocks of every replicate are drawn first, in one stream; the replicates are then made
 * in chunks that the slice's thread and, when one is idle, one of the comparison's workers take in turn ({@link
 * Shared}): the slice that ends a comparison is often the one that takes this bootstrap, and the other core would
 * otherwise wait for it. Each replicate is the same whichever thread makes it, so the result is too.
 */
final class BlockReplicates {
    /**
     * Two replicates' Δ further apart than this show that Δ varies in the replicates: some replicate then lies at
     * least half as far from their mean, whose square (above 1e-201) leaves the standard deviation of the Δs above 0
     * whatever their number, as long as every replicate is finite ({@link #REPLICATE_SUMS_BOUND}).
     */
    private static final double VARYING_DELTA = 1e-100;
    /** Replicate sums within this bound keep every value and square of the calibration metrics finite. */
    private static final double REPLICATE_SUMS_BOUND = 1e100;
    /** Replicates a thread takes at a time from {@link Shared}. */
    private static final int REPLICATES_PER_CHUNK = 64;

    private final int replicates;
    /** The comparison's workers, to which a bootstrap offers part of its replicates. */
    private final Executor helpers;
    private final Progress progress;

    BlockReplicates(int replicates, Executor helpers, Progress progress) {
        this.replicates = replicates;
        this.helpers = helpers;
        this.progress = progress;
    }

    /**
     * The replicates {@link #draw} made ({@code [metric][model][replicate]}); the watched metric's only up to
     * the one in which its Δ was seen to vary ({@code watchedDeltaVaries}), the rest of its arrays left at 0.
     */
    record Drawn(double[][][] values, boolean watchedDeltaVaries) {
    }

    /**
     * @param read the components the metrics other than the watched one read, as ranges from, to, from, to, ...:
     *             a replicate adds up only these
     * @param watched a metric whose replicates serve only to tell whether its Δ varies, or −1: its replicates are
     *                computed, from its components {@code watchedRead} (same form), until two Δs are seen more than
     *                {@link #VARYING_DELTA} apart, and then no more — when every replicate is finite and every block
     *                holds an example (the last component is the count), so that none can be undefined; otherwise
     *                in every replicate
     */
    Drawn draw(BlockResampler resampler, int width, int metrics, SumsMetric metric,
               StudentizedIntervals studentized, SplittableRandom random, int[] read, int watched,
               int[] watchedRead) {
        boolean mayStop = watched >= 0 && resampler.replicateSumsWithin(REPLICATE_SUMS_BOUND)
                && resampler.smallestBlockSum(width - 1) >= 1;
        Shared shared = new Shared(resampler.drawBlocks(random, replicates), width, metrics, metric, studentized,
                read, watched, watchedRead, mayStop);
        shared.first(resampler);
        FutureTask<Void> helper = new FutureTask<>(() -> shared.makeChunks(resampler.sharingBlocks()), null);
        if (shared.chunks > 1) {
            helpers.execute(helper);
        }
        shared.makeChunks(resampler);
        helper.run(); // nothing left to make when it runs here: it only no longer waits in the queue
        AwaitedWork.result(helper);
        return shared.result();
    }

    /**
     * The replicates of one {@link #draw}, from blocks drawn beforehand, made chunk by chunk by whichever thread
     * takes the next chunk: replicate 0 first (the watched metric's Δ there is what the others are compared
     * with), then chunks of {@link #REPLICATES_PER_CHUNK}. Each chunk watches from its start and records the first
     * replicate in which Δ varied; the result keeps the watched replicates up to the earliest of these, as one thread
     * going replicate after replicate would.
     */
    private final class Shared {
        private final int[] draws;
        private final int width;
        private final int metrics;
        private final SumsMetric metric;
        private final StudentizedIntervals studentized;
        private final int[] read;
        private final int watched;
        private final int[] watchedRead;
        private final boolean mayStop;
        private final double[][][] replicate;
        final int chunks;
        private final AtomicInteger nextChunk = new AtomicInteger();
        /** Per chunk, the first replicate in which the watched Δ varied, or {@code replicates}. */
        private final int[] firstVaried;
        private double firstDelta;

        Shared(int[] draws, int width, int metrics, SumsMetric metric, StudentizedIntervals studentized,
                         int[] read, int watched, int[] watchedRead, boolean mayStop) {
            this.draws = draws;
            this.width = width;
            this.metrics = metrics;
            this.metric = metric;
            this.studentized = studentized;
            this.read = read;
            this.watched = watched;
            this.watchedRead = watchedRead;
            this.mayStop = mayStop;
            this.replicate = new double[metrics][2][replicates];
            this.chunks = Math.max(0, (replicates - 1 + REPLICATES_PER_CHUNK - 1) / REPLICATES_PER_CHUNK);
            this.firstVaried = new int[chunks];
        }

        /** Replicate 0, before any chunk. */
        void first(BlockResampler resampler) {
            if (replicates > 0) {
                make(resampler, studentized.new Adder(resampler), new double[width], 0, 1);
            }
        }

        /** Takes chunks until none is left; {@code resampler} is this thread's own. */
        void makeChunks(BlockResampler resampler) {
            StudentizedIntervals.Adder adder = studentized.new Adder(resampler);
            double[] sums = new double[width];
            for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                progress.checkCancelled();
                int from = 1 + chunk * REPLICATES_PER_CHUNK;
                firstVaried[chunk] = make(resampler, adder, sums, from,
                        Math.min(replicates, from + REPLICATES_PER_CHUNK));
            }
        }

        /**
         * Replicates {@code [from, to)}; the first of them in which the watched Δ varied from replicate 0's (the
         * watched metric's replicates after it not made), or {@code replicates}.
         */
        private int make(BlockResampler resampler, StudentizedIntervals.Adder adder, double[] sums, int from, int to) {
            boolean watching = watched >= 0;
            int varied = replicates;
            for (int b = from; b < to; b++) {
                resampler.draw(draws, b);
                for (int r = 0; r < read.length; r += 2) {
                    resampler.sumDrawn(sums, read[r], read[r + 1]);
                }
                for (int m = 0; m < metrics; m++) {
                    if (m != watched) {
                        replicate[m][0][b] = metric.value(m, 0, sums);
                        replicate[m][1][b] = metric.value(m, 1, sums);
                    }
                }
                adder.add(b, sums);
                if (watching) {
                    for (int r = 0; r < watchedRead.length; r += 2) {
                        resampler.sumDrawn(sums, watchedRead[r], watchedRead[r + 1]);
                    }
                    double prod = metric.value(watched, 0, sums);
                    double cand = metric.value(watched, 1, sums);
                    replicate[watched][0][b] = prod;
                    replicate[watched][1][b] = cand;
                    if (b == 0) {
                        firstDelta = cand - prod;
                    } else if (mayStop && Math.abs(cand - prod - firstDelta) > VARYING_DELTA) {
                        varied = b;
                        watching = false;
                    }
                }
            }
            return varied;
        }

        /** Once every chunk is made. */
        Drawn result() {
            int varied = replicates;
            for (int first : firstVaried) {
                varied = Math.min(varied, first);
            }
            if (varied < replicates) {
                // made by chunks that did not know of an earlier variation: one thread would have stopped before them
                Arrays.fill(replicate[watched][0], varied + 1, replicates, 0.0);
                Arrays.fill(replicate[watched][1], varied + 1, replicates, 0.0);
            }
            return new Drawn(replicate, varied < replicates);
        }
    }
}
