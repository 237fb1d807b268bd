package org.verdict.core.gates.model;

import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * How gate texts print numbers, locale-independent, by the rule Compare's cells follow ({@link MetricFormat#of}): a
 * rate or score with three decimals ({@code candidate 0.701 vs production 0.804}, {@code worst case −0.030 < −0.010}),
 * more only where a number would read like the limit it is compared with and is not ({@code worst case −0.01004 <
 * −0.01000}; {@link #differences}, {@link #against}), so a gate's sentence and Compare's row write one Δ and interval
 * alike; a policy setting said on its own (a percentage, a level) as it was written.
 */
public final class GateNumbers {
    private GateNumbers() {
    }

    /** A measured rate or score, or a limit it is compared with: {@code 0.701}. */
    public static String value(double value) {
        return MetricFormat.RATE.value(value);
    }

    /** A difference, or a limit on one: {@code +0.012}, {@code −0.010}. */
    public static String signed(double value) {
        return MetricFormat.RATE.signed(value);
    }

    /**
     * A measured value of a metric, with the decimals of the numbers it is compared with in the same sentence: an
     * error in the target's units as the app and the report write it, with the target's {@code unit} ({@code $20,477},
     * not {@code 20476.8445}; {@code 100.1 vs 99.87} reads {@code 100.10 vs 99.87}), a rate or score as
     * {@link #value(double)}.
     */
    public static String value(Metric metric, TargetUnit unit, double value, double... comparedWith) {
        return numbers(metric, unit).valueAmong(value, comparedWith);
    }

    /**
     * A difference of a metric, or a limit on one, as {@link #value(Metric, TargetUnit, double, double...)} with its
     * sign.
     */
    public static String signed(Metric metric, TargetUnit unit, double value, double... comparedWith) {
        return numbers(metric, unit).signedAmong(value, comparedWith);
    }

    /**
     * How a sentence about a difference and its interval writes them and the limits compared with them
     * ({@code differences.signedAmong(worstCase, comparedWith)}): as {@link #signed(Metric, TargetUnit, double,
     * double...)}, with
     * the decimals that keep the interval's two ends, and the difference strictly inside it, apart ({@code Δ +0.00729,
     * 95% CI [+0.00727, +0.00732]}, not {@code [+0.0073, +0.0073]}; {@link MetricFormat#forInterval}), and that
     * keep an end apart from a limit it is compared with ({@code worst case −0.01004 < −0.01000}, not
     * {@code −0.0100 < −0.0100}; {@link MetricFormat#apartFrom}).
     */
    public static MetricFormat differences(Metric metric, TargetUnit unit, double delta, Interval interval,
                                           double... comparedWith) {
        return numbers(metric, unit).apartFrom(comparedWith).forInterval(delta, interval.lower(), interval.upper(),
                comparedWith);
    }

    /**
     * How a sentence writes {@code values} and the {@code limits} they are compared with: as {@link #value(Metric,
     * TargetUnit, double, double...)}, with the decimals that keep each value apart from each limit it is not
     * ({@code worse than it by 0.0104, margin 0.0100}, not {@code 0.010, margin 0.010}; {@link MetricFormat#forValues}).
     */
    public static MetricFormat against(Metric metric, TargetUnit unit, double[] limits, double... values) {
        return numbers(metric, unit).apartFrom(limits).forValues(values);
    }

    /** A metric's numbers as Compare writes them: an error in the target's units with its unit, a rate with three decimals. */
    private static MetricFormat numbers(Metric metric, TargetUnit unit) {
        return MetricFormat.of(metric, unit);
    }

    /** A difference of percentages in points, with the two decimals of {@link #percent}: {@code +0.45}. */
    public static String points(double percentagePoints) {
        return new java.math.BigDecimal(percentagePoints).setScale(2, java.math.RoundingMode.HALF_EVEN).signum() == 0
                ? "0.00" : (percentagePoints < 0 ? "−" : "+")
                        + String.format(Locale.ROOT, "%.2f", Math.abs(percentagePoints));
    }

    /** A policy setting as people write it, without trailing zeros: {@code 1} (%), {@code 0.5}. */
    public static String format(double value) {
        String digits = String.format(Locale.ROOT, "%.4f", Math.abs(value)).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
        return (value < 0 && !digits.equals("0") ? "−" : "") + digits;
    }

    /** A confidence level as people write it: 0.95 → "95%", 0.975 → "97.5%". */
    public static String level(double confidenceLevel) {
        return format(confidenceLevel * 100) + "%";
    }

    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /**
     * A rate as {@link #percent}, with more decimals where two would write it like the {@code limit} it is judged
     * against and it is not ({@code 2.004%} against an accepted {@code 2.00%}), so an interval's end printed beside a
     * verdict never seems to say the opposite of it.
     */
    public static String percentApartFrom(double rate, double limit) {
        for (int decimals = 2; decimals < 8; decimals++) {
            String written = String.format(Locale.ROOT, "%." + decimals + "f", rate * 100);
            if (rate == limit || !written.equals(String.format(Locale.ROOT, "%." + decimals + "f", limit * 100))) {
                return written + "%";
            }
        }
        return String.format(Locale.ROOT, "%.8f%%", rate * 100);
    }
}
