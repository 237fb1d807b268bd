package org.verdict.core.compare;

import org.verdict.core.stats.Interval;

/**
 * How one model's interval is made from its value and its bootstrap replicates (BCa, or a studentized interval
 * computed beside the replicates); null when there is none.
 */
@FunctionalInterface
interface ModelInterval {
    Interval of(int model, double value, double[] replicates);
}
