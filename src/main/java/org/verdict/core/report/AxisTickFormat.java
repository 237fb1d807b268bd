package org.verdict.core.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.verdict.core.stats.MetricFormat;

/**
 * A JFreeChart value axis's tick labels written by the metric's {@link MetricFormat} ({@code −$200}, {@code $20k}
 * for dollars), so the axis reads as the table does and a narrow chart still gets several ticks: the app's Compare
 * charts and the approval pack's forest plots alike. Ticks are only ever written.
 */
public final class AxisTickFormat extends NumberFormat {
    private final transient MetricFormat numbers;

    public AxisTickFormat(MetricFormat numbers) {
        this.numbers = numbers;
    }

    @Override
    public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
        return target.append(numbers.axisTick(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
        return format((double) number, target, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("tick labels are not read back");
    }
}
