package org.verdict.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SummarySlice;
import org.verdict.core.pack.SliceValueOrder;
import org.verdict.core.pack.SufficientStatistics;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.RankingSums;

/**
 * The primary suite of a summary pack, checked: per combination of slice values, its paired cells and its hashed
 * bootstrap blocks. Any slice or cross is the sum of the combinations it covers, because every statistic is
 * additive.
 *
 * @param classes classification: as in a row-level table (sorted; binary {@code [negative, positive]}); else empty
 * @param combinations the slice values of each combination, in {@link SummaryLayout#sliceColumns()} order
 * @param cells per combination, its cells: label code, then each version's prediction code, then the count
 * @param blocks per combination, block id → the block's sums in {@link SummaryLayout#blockSums()} order, then n;
 *               empty maps when the layout has no blocks
 * @param ranking per slice of {@link SummaryLayout#rankingGroupings} (its values in slice-column order, {@code ""}
 *                where the slice takes any value), each version's ranking row (versions indexed as in the layout);
 *                empty without ranking sums
 * @param provenance how the statistics were made (the manifest's {@code summary} object)
 */
public record PrimarySummary(SummaryLayout layout, List<String> classes, List<List<String>> combinations,
                             List<List<long[]>> cells, List<Map<Integer, double[]>> blocks, long[] rowsPerCombination,
                             Map<List<String>, Ranking[]> ranking, SummaryProvenance provenance)
        implements SufficientStatistics {

    /**
     * One version's ranking sums on one slice.
     *
     * @param sums in {@link SummaryLayout#RANKING_SUMS} order: the model's sums, its cross sums with production, then
     *             Σ (its AP influence − production's)⁴, NaN where the pack lacks that column
     */
    public record Ranking(long positives, long negatives, double[] sums) {
        RankingSums.Model model() {
            return new RankingSums.Model(sums[0], sums[1], sums[3], sums[4], sums[6], sums[7]);
        }
    }

    @Override
    public long rowCount() {
        long total = 0;
        for (long n : rowsPerCombination) {
            total += n;
        }
        return total;
    }

    /**
     * Whether the ranking sums hold Σ (AP influence − production's)⁴, which pr_auc's Δ needs for t on its effective
     * degrees of freedom; packs summarised before it do not (and get z).
     */
    public boolean hasInfluenceDeltaFourth() {
        return layout.ranking() && ranking.values().stream().flatMap(Arrays::stream)
                .noneMatch(version -> Double.isNaN(version.sums()[9]));
    }

    /** The values each slice column takes, sorted as a row-level table orders its levels ({@link SliceValueOrder}). */
    public List<String> levels(String column) {
        int d = dimension(column);
        TreeSet<String> values = new TreeSet<>(SliceValueOrder.INSTANCE);
        combinations.forEach(c -> values.add(c.get(d)));
        return List.copyOf(values);
    }

    @Override
    public List<String> sliceColumns() {
        return layout.sliceColumns();
    }

    @Override
    public boolean hasScores() {
        return layout.scores();
    }

    /** One model's (true class, predicted class) counts in a slice, from the cells (classification). */
    public ConfusionMatrix confusionMatrix(String version, SliceKey slice) {
        if (!layout.task().isClassification()) {
            throw new IllegalArgumentException("a confusion matrix needs a classification task");
        }
        int[] dims = slice.dimensions().stream().mapToInt(this::dimension).toArray();
        int model = 1 + layout.versions().indexOf(version);
        int k = classes.size();
        long[] counts = new long[k * k];
        for (int c = 0; c < combinations.size(); c++) {
            if (matches(combinations.get(c), dims, slice.values())) {
                for (long[] cell : cells.get(c)) {
                    counts[(int) (cell[0] * k + cell[model])] += cell[cell.length - 1];
                }
            }
        }
        return new ConfusionMatrix(classes, counts);
    }

    /** Examples per class (in {@link #classes()} order), from the cells; empty for regression. */
    public long[] classCounts() {
        long[] counts = new long[classes.size()];
        for (List<long[]> combination : cells) {
            for (long[] cell : combination) {
                counts[(int) cell[0]] += cell[cell.length - 1];
            }
        }
        return counts;
    }

    /** Examples per value of one slice column, values sorted. */
    public Map<String, Long> levelCounts(String column) {
        int d = dimension(column);
        Map<String, Long> counts = new TreeMap<>(SliceValueOrder.INSTANCE);
        for (int c = 0; c < combinations.size(); c++) {
            counts.merge(combinations.get(c).get(d), rowsPerCombination[c], Long::sum);
        }
        return counts;
    }

    /**
     * Per value of one column (in {@link #levels} order), the paired selection cells of one class against the rest:
     * index = label·4 + productionSelects·2 + candidateSelects, each a count of examples. Exactly what the rows give,
     * because the cells hold every (label, production prediction, candidate prediction) combination.
     */
    public long[][] selectionCells(String column, int positiveCode, String productionVersion,
                                   String candidateVersion) {
        int d = dimension(column);
        List<String> values = levels(column);
        int prod = 1 + layout.versions().indexOf(productionVersion);
        int cand = 1 + layout.versions().indexOf(candidateVersion);
        long[][] selection = new long[values.size()][8];
        for (int c = 0; c < combinations.size(); c++) {
            long[] into = selection[values.indexOf(combinations.get(c).get(d))];
            for (long[] cell : cells.get(c)) {
                int index = (cell[0] == positiveCode ? 4 : 0) + (cell[prod] == positiveCode ? 2 : 0)
                        + (cell[cand] == positiveCode ? 1 : 0);
                into[index] += cell[cell.length - 1];
            }
        }
        return selection;
    }

    /** The slice's statistics for one production/candidate pair; n = 0 when no combination matches. */
    public SummarySlice slice(SliceKey key, String productionVersion, String candidateVersion) {
        int[] dims = key.dimensions().stream().mapToInt(this::dimension).toArray();
        int prod = 1 + layout.versions().indexOf(productionVersion);
        int cand = 1 + layout.versions().indexOf(candidateVersion);
        int k = classes.size();
        long[] sliceCells = layout.task().isClassification() ? new long[k * k * k] : null;
        int width = layout.task() == Task.REGRESSION ? SummarySlice.REGRESSION_WIDTH : SummarySlice.CALIBRATION_WIDTH;
        Map<Integer, double[]> sliceBlocks = new TreeMap<>();
        long n = 0;
        for (int c = 0; c < combinations.size(); c++) {
            if (!matches(combinations.get(c), dims, key.values())) {
                continue;
            }
            n += rowsPerCombination[c];
            if (sliceCells != null) {
                for (long[] cell : cells.get(c)) {
                    sliceCells[(int) ((cell[0] * k + cell[prod]) * k + cell[cand])] += cell[cell.length - 1];
                }
            }
            for (Map.Entry<Integer, double[]> block : blocks.get(c).entrySet()) {
                double[] into = sliceBlocks.computeIfAbsent(block.getKey(), b -> new double[width]);
                addBlock(block.getValue(), prod - 1, cand - 1, into);
            }
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slice " + key.label() + " has " + n + " rows; Verdict compares slices "
                    + "of at most " + Integer.MAX_VALUE);
        }
        double[][] blockArray = layout.hasBlocks() && n > 0 ? sliceBlocks.values().toArray(double[][]::new) : null;
        if (!layout.ranking() || n == 0) {
            return new SummarySlice(key, (int) n, sliceCells, blockArray);
        }
        List<String> values = new ArrayList<>(Collections.nCopies(layout.sliceColumns().size(), ""));
        for (int d = 0; d < dims.length; d++) {
            values.set(dims[d], key.values().get(d));
        }
        Ranking[] versions = ranking.get(values);
        if (versions == null) {
            return new SummarySlice(key, (int) n, sliceCells, blockArray, null, "a summary pack holds the ranking "
                    + "sums of %s for the overall slice, each column and each pair of columns, not for a cross of "
                    + key.dimensions().size() + " columns; compare the row-level pack for it");
        }
        Ranking production = versions[prod - 1];
        Ranking candidate = versions[cand - 1];
        RankingSums sums = new RankingSums(production.positives(), production.negatives(), production.model(),
                candidate.model(), candidate.sums()[2], candidate.sums()[5], candidate.sums()[8], candidate.sums()[9]);
        return new SummarySlice(key, (int) n, sliceCells, blockArray, sums, null);
    }

    /** Adds one stored block (file layout, all versions) to a slice block in the engine's layout for one pair. */
    private void addBlock(double[] stored, int prod, int cand, double[] into) {
        int count = stored.length - 1;
        if (layout.task() == Task.REGRESSION) {
            int shared = 3 * layout.versions().size();
            for (int metric = 0; metric < 3; metric++) {
                into[2 * metric] += stored[3 * prod + metric];
                into[2 * metric + 1] += stored[3 * cand + metric];
            }
            into[6] += stored[shared];
            into[7] += stored[shared + 1];
            into[8] += stored[shared + 2];
        } else {
            int sums = Calibration.SQUARED_ERROR_SUMS;
            int perVersion = 2 + sums;
            into[0] += stored[perVersion * prod];
            into[1] += stored[perVersion * cand];
            into[2] += stored[perVersion * prod + 1];
            into[3] += stored[perVersion * cand + 1];
            for (int column = 0; column < sums; column++) {
                into[4 + column] += stored[perVersion * prod + 2 + column];
                into[4 + sums + column] += stored[perVersion * cand + 2 + column];
            }
        }
        into[into.length - 1] += stored[count];
    }

    private static boolean matches(List<String> combination, int[] dims, List<String> values) {
        for (int d = 0; d < dims.length; d++) {
            if (!combination.get(dims[d]).equals(values.get(d))) {
                return false;
            }
        }
        return true;
    }

    private int dimension(String column) {
        int d = layout.sliceColumns().indexOf(column);
        if (d < 0) {
            throw new IllegalArgumentException("unknown slice column '" + column + "'; the summary has "
                    + layout.sliceColumns());
        }
        return d;
    }

    private static int compareValues(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = SliceValueOrder.INSTANCE.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Every slice the row-level engine would compare: overall, each column's values, then each cross. */
    public List<SliceKey> sliceKeys(List<List<String>> crosses) {
        List<SliceKey> keys = new ArrayList<>();
        keys.add(SliceKey.OVERALL);
        for (String column : layout.sliceColumns()) {
            for (String value : levels(column)) {
                keys.add(new SliceKey(List.of(column), List.of(value)));
            }
        }
        for (List<String> cross : crosses) {
            // only the combinations that occur, in the row engine's order (each column's sorted values, first
            // column slowest): a cross of many-valued columns is never enumerated in full
            int[] dims = cross.stream().mapToInt(this::dimension).toArray();
            TreeSet<List<String>> occurring = new TreeSet<>(PrimarySummary::compareValues);
            for (List<String> combination : combinations) {
                List<String> values = new ArrayList<>();
                for (int d : dims) {
                    values.add(combination.get(d));
                }
                occurring.add(Collections.unmodifiableList(values));
            }
            occurring.forEach(values -> keys.add(new SliceKey(cross, values)));
        }
        return keys;
    }
}
