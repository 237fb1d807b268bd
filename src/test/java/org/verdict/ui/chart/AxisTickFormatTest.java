package org.verdict.ui.chart;

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
}
