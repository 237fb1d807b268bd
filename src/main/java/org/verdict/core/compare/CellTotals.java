package org.verdict.core.compare;

/**
 * A classification slice's rows per class, totalled once from its paired cells (index (label · k + production) · k +
 * candidate) for all that reads them: the rows labelled with each class and the rows each model predicts as it.
 */
record CellTotals(long[] support, long[] productionPredicted, long[] candidatePredicted) {

    static CellTotals of(long[] cells, int k) {
        long[] support = new long[k];
        long[] productionPredicted = new long[k];
        long[] candidatePredicted = new long[k];
        for (int cell = 0; cell < cells.length; cell++) {
            support[cell / (k * k)] += cells[cell];
            productionPredicted[cell / k % k] += cells[cell];
            candidatePredicted[cell % k] += cells[cell];
        }
        return new CellTotals(support, productionPredicted, candidatePredicted);
    }
}
