package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;

class AxisTickFormatTest {
    @Test
    void negativeTicksGetATrueMinusForEveryMetric() {
        assertEquals("\u22120.06", new AxisTickFormat(MetricFormat.of(Metric.ACCURACY, TargetUnit.NONE)).format(-0.06));
        assertEquals("\u22122.5k", new AxisTickFormat(MetricFormat.of(Metric.MAE, TargetUnit.NONE)).format(-2_500));
        assertEquals("0.1", new AxisTickFormat(MetricFormat.of(Metric.ACCURACY, TargetUnit.NONE)).format(0.1));
    }

    /** A metric in the target's units gets the unit on every tick, short from a thousand: the forest's Δ axis. */
    @Test
    void dollarTicksCarryTheirSign() {
        AxisTickFormat dollars = new AxisTickFormat(MetricFormat.of(Metric.MAE, TargetUnit.of("USD")));
        assertEquals("\u2212$200", dollars.format(-200));
        assertEquals("$0", dollars.format(0));
        assertEquals("$2.5k", dollars.format(2_500));
    }
}
