package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;

class MetricFormatTest {
    private final MetricFormat dollars = MetricFormat.of(Metric.MAE, TargetUnit.NONE);

    @Test
    void axisTicksOfDollarsAreWrittenInThousands() {
        assertEquals("20k", dollars.axisTick(20_000));
        assertEquals("−2.5k", dollars.axisTick(-2_500));
        assertEquals("0", dollars.axisTick(0));
        assertEquals("500", dollars.axisTick(500));
        assertEquals("1.25M", dollars.axisTick(1_250_000));
    }

    @Test
    void axisTicksOfRatesAreRoundDigitsWithATrueMinus() {
        MetricFormat accuracy = MetricFormat.of(Metric.ACCURACY, TargetUnit.NONE);
        assertEquals("0.25", accuracy.axisTick(0.25));
        assertEquals("\u22120.06", accuracy.axisTick(-0.06), "U+2212 as in the table, not an ASCII hyphen");
        assertEquals("0.3", accuracy.axisTick(0.1 + 0.2), "no floating-point noise");
        assertEquals("0", accuracy.axisTick(-0.0));
    }

    @Test
    void ratesHaveThreeDecimalsAndATrueMinus() {
        MetricFormat rates = MetricFormat.of(Metric.ACCURACY, TargetUnit.NONE);
        assertEquals("0.812", rates.value(0.8123));
        assertEquals("−0.040 [−0.055, −0.025]", rates.delta(-0.04, -0.055, -0.025));
        assertEquals("+0.012", rates.signed(0.0121));
        assertEquals("0.810 [0.790, 0.830]", rates.estimate(0.81, 0.79, 0.83));
    }

    @Test
    void aSquaredCalibrationErrorKeepsThreeSignificantDigitsInsteadOfReadingZero() {
        MetricFormat calibration = MetricFormat.of(Metric.SQ_CALIBRATION_ERROR, TargetUnit.NONE);
        // largest 0.00073: three zeros after the point, then three digits
        assertEquals("0.000420 [0.000110, 0.000730]", calibration.estimate(0.00042, 0.00011, 0.00073));
        assertEquals("−0.000310 [−0.000520, −0.000100]", calibration.delta(-0.00031, -0.00052, -0.0001));
        assertEquals("0.0120", calibration.value(0.012));
        // a badly calibrated model (0.1 and above) reads like a rate
        assertEquals("0.150", calibration.value(0.15));
    }

    @Test
    void zeroHasNoSign() {
        assertEquals("0.000", MetricFormat.RATE.signed(0.0));
        assertEquals("0.000", MetricFormat.RATE.signed(-0.0));
        assertEquals("0.0 [−900.0, +800.0]", dollars.delta(0.0, -900.0, 800.0));
        // floating-point noise of a difference that is 0 stays 0
        assertEquals("0.000", MetricFormat.RATE.signed(-0.06 + 0.04 + 0.02));
    }

    @Test
    void aNumberThatIsNotZeroIsNeverWrittenAsZero() {
        // an interval that excludes 0 (so its verdict says better) must not read [0.000, …]
        assertEquals("[+0.0002, +0.053]", MetricFormat.RATE.interval(0.0002, 0.053, true));
        assertEquals("+0.021 [+0.0004, +0.055]", MetricFormat.RATE.delta(0.021, 0.0004, 0.055));
        assertEquals("−0.0004", MetricFormat.RATE.signed(-0.0004));
        assertEquals("−0.00002", MetricFormat.RATE.value(-0.00002));
        assertEquals("−0.04 [−900.0, +800.0]", dollars.delta(-0.04, -900.0, 800.0));
    }

    @Test
    void targetUnitsGetThousandsSeparatorsAndFourSignificantDigitsOfTheLargestNumber() {
        // house prices in dollars, as a regression pack reports them: 23642.667 [21818.135, 25385.327]
        assertEquals("23,643 [21,818, 25,385]", dollars.estimate(23642.667, 21818.135, 25385.327));
        assertEquals("−1,561 [−2,864, −319]", dollars.delta(-1560.6047, -2863.7228, -318.8491));
        // the interval's decimals follow its widest bound, so a value and its bounds line up
        assertEquals("+5.2 [−300.0, +310.0]", dollars.delta(5.2, -300.0, 310.0));
        assertEquals("350.3", dollars.value(350.25));
        assertEquals("12.35", dollars.value(12.345_1));
        // a target measured in small units keeps three decimals like a rate
        assertEquals("0.500", dollars.value(0.5));
        assertEquals("1,234,568", dollars.value(1_234_567.8));
    }

    @Test
    void pValuesBelowAThousandthAreWrittenAsABound() {
        assertEquals("<0.001", MetricFormat.pValue(0.0004));
        assertEquals("0.047", MetricFormat.pValue(0.0468));
        // never rounded up onto the α it is read against: the verdict beside 0.0496 says it is under 0.05
        assertEquals("0.0496", MetricFormat.pValue(0.0496));
        assertEquals("0.04999", MetricFormat.pValue(0.049994));
        assertEquals("0.0099", MetricFormat.pValue(0.0099));
        assertEquals("0.050", MetricFormat.pValue(0.0504), "at or over α three decimals say so");
        assertEquals("0.050", MetricFormat.pValue(0.05));
        assertEquals("0.049", MetricFormat.pValue(0.0494), "rounded down, three decimals are right");
        assertEquals("–", MetricFormat.pValue(null));
    }

    @Test
    void countsHaveSeparatorsAndTheRightNumberOfTheirNoun() {
        assertEquals("1 record", MetricFormat.count(1, "record", "records"));
        assertEquals("0 records", MetricFormat.count(0, "record", "records"));
        assertEquals("2,310 records", MetricFormat.count(2310, "record", "records"));
        assertEquals("24,000", MetricFormat.count(24_000));
        assertEquals("n=24,000", MetricFormat.sampleSize(24_000));
        assertEquals("n=4", MetricFormat.sampleSize(4));
    }

    @Test
    void ratesKeepThreeDecimalsWithTheirTrailingZeros() {
        assertEquals("0.701", MetricFormat.RATE.value(0.700956622));
        assertEquals("0.804", MetricFormat.RATE.value(0.804434604));
        assertEquals("−0.010", MetricFormat.RATE.signed(-0.01));
        // never a misleading zero for a difference that is not one
        assertEquals("+0.0003", MetricFormat.RATE.signed(0.00026));
        assertEquals("+0.00004", MetricFormat.RATE.signed(0.00004));
    }

    /**
     * A sentence that compares a value with a limit (the circuit breaker's shortfall with its margin, a language's
     * value with the floor) writes them apart where three decimals would write them alike, and every number of it
     * with those decimals; a value equal to the limit, or clear of it, keeps three.
     */
    @Test
    void aValueComparedWithALimitNeverReadsLikeIt() {
        MetricFormat shortfall = MetricFormat.RATE.apartFrom(0.01).forValues(0.0104);
        assertEquals("0.0104", shortfall.valueAmong(0.0104, 0.01));
        assertEquals("0.0100", shortfall.valueAmong(0.01, 0.0104));
        assertEquals("0.8290", shortfall.valueAmong(0.829, 0.0104), "the sentence's other numbers share them");
        MetricFormat floor = MetricFormat.RATE.apartFrom(0.7).forValues(0.69996);
        assertEquals("0.69996", floor.value(0.69996));
        assertEquals("0.70000", floor.value(0.7));
        assertEquals("0.010", MetricFormat.RATE.apartFrom(0.01).forValues(0.01).value(0.01));
        assertEquals("0.030", MetricFormat.RATE.apartFrom(0.01).forValues(0.03).value(0.03));
        assertEquals("0.030", MetricFormat.RATE.forValues(0.03).value(0.03), "no limit, no more decimals");
    }

    @Test
    void anIntervalWhoseEndsWouldReadAlikeGetsTheDecimalsThatTellThemApart() {
        // a 1,000,000-row slice: [0.007266, 0.007322] read "+0.007 [+0.007, +0.007]"
        assertEquals("+0.00729 [+0.00727, +0.00732]", MetricFormat.RATE.delta(0.007294, 0.007266, 0.007322));
        assertEquals("[+0.00727, +0.00732]", MetricFormat.RATE.interval(0.007266, 0.007322, true));
        assertEquals("0.81230 [0.81227, 0.81233]", MetricFormat.RATE.estimate(0.8123, 0.81227, 0.81233));
        // an estimate strictly inside reads unlike either end
        assertEquals("+0.0124 [+0.0121, +0.0300]", MetricFormat.RATE.delta(0.0124, 0.0121, 0.03));
        // a dollar interval gets at most one decimal, and ends that still read alike there keep the usual digits
        assertEquals("23,643.2 [23,643.0, 23,643.4]", dollars.estimate(23643.2, 23643.0, 23643.4));
        assertEquals("23,643 [23,643, 23,643]", dollars.estimate(23643.2, 23643.21, 23643.24));
        // six decimals at most: a difference below that is rounding noise
        assertEquals("[0.500, 0.500]", MetricFormat.RATE.interval(0.5, 0.5 + 1e-12, false));
        assertEquals("0.000 [0.000, 0.000]", MetricFormat.RATE.delta(0.0, 0.0, 0.0), "an interval of width 0 says so");
    }

    @Test
    void ordinaryIntervalsKeepTheirUsualDigits() {
        assertEquals("−0.040 [−0.055, −0.025]", MetricFormat.RATE.delta(-0.04, -0.055, -0.025));
        assertEquals("−1,561 [−2,864, −319]", dollars.delta(-1560.6047, -2863.7228, -318.8491));
        assertEquals("+0.012 [+0.012, +0.020]", MetricFormat.RATE.delta(0.012, 0.012, 0.02), "Δ at an end reads as it");
    }

    @Test
    void aSentenceWritesEveryNumberWithTheDecimalsOfItsInterval() {
        MetricFormat deltas = MetricFormat.RATE.forInterval(0.007294, 0.007266, 0.007322, -0.01);
        assertEquals("+0.00729", deltas.signedAmong(0.007294, -0.01));
        assertEquals("−0.01000", deltas.signedAmong(-0.01, 0.007294));
        assertEquals("+0.00727", deltas.signed(0.007266));
        assertEquals("−0.010", MetricFormat.RATE.forInterval(0.02, 0.01, 0.03).signed(-0.01),
                "a format is widened only where the ends would read alike");
    }

    @Test
    void anEndJustBeyondTheLimitItIsReadAgainstNeverReadsLikeTheLimit() {
        // [−0.0100987, +0.0100987] beside the band ±0.01: at three decimals both ends would read ±0.010
        MetricFormat againstBand = MetricFormat.RATE.apartFrom(-0.01, 0.01);
        assertEquals("0.0000 [−0.0101, +0.0101]", againstBand.delta(0.0, -0.0100987, 0.0100987));
        assertEquals("[−0.0101, +0.0101]", againstBand.interval(-0.0100987, 0.0100987, true));
        // an end exactly at the limit reads as it, and an end clear of it keeps the usual digits
        assertEquals("+0.004 [−0.010, +0.020]", againstBand.delta(0.004, -0.01, 0.02));
        assertEquals("+0.004 [−0.006, +0.020]", againstBand.delta(0.004, -0.006, 0.02));
        // a dollar end $0.4 beyond a $1,250 limit
        MetricFormat dollarsAgainst = dollars.apartFrom(1250);
        assertEquals("+600.0 [−50.0, +1,250.4]", dollarsAgainst.delta(600.0, -50.0, 1250.4));
        // a gate sentence: the worst case and the margin it is compared with read apart
        MetricFormat gate = MetricFormat.RATE.apartFrom(-0.01).forInterval(-0.004, -0.010042, 0.002, -0.01);
        assertEquals("−0.01004", gate.signedAmong(-0.010042, -0.01));
        assertEquals("−0.01000", gate.signedAmong(-0.01, -0.010042));
    }

    /** Every number of mae and rmse carries the pack's unit, by the one rule of docs/pack-format.md; r2 never does. */
    @Test
    void aTargetUnitIsWrittenBesideEveryNumberInIt() {
        MetricFormat usd = MetricFormat.of(Metric.MAE, TargetUnit.of("USD"));
        assertEquals("$23,643 [$21,818, $25,385]", usd.estimate(23_643.2, 21_818.4, 25_384.9));
        assertEquals("−$759 [−$1,321, +$524]", usd.delta(-759.2, -1_321.0, 524.0));
        assertEquals("+$13,679", usd.signed(13_679.4));
        assertEquals("$0", usd.valueAmong(0, -54_593));
        assertEquals("[−$3,267, +$13,679]", usd.interval(-3_267, 13_679, true));
        assertEquals("$20k", usd.axisTick(20_000));
        assertEquals("−$2.5k", usd.axisTick(-2_500));
        assertEquals("mae in USD", usd.inUnit("mae"));
        assertEquals("€73,700", MetricFormat.of(Metric.RMSE, TargetUnit.of("EUR")).value(73_700));
        assertEquals("−¥1,561", MetricFormat.of(Metric.RMSE, TargetUnit.of("JPY")).signed(-1_561));
        assertEquals("CHF\u00a073,700 [CHF\u00a070,100, CHF\u00a077,300]",
                MetricFormat.of(Metric.RMSE, TargetUnit.of("CHF")).estimate(73_700, 70_100.0, 77_300.0));
        MetricFormat kilograms = MetricFormat.of(Metric.MAE, TargetUnit.of("kg"));
        assertEquals("73.20\u00a0kg [70.10\u00a0kg, 77.30\u00a0kg]", kilograms.estimate(73.2, 70.1, 77.3));
        assertEquals("−0.412\u00a0kg", kilograms.signed(-0.4123));
        assertEquals("₹5,120", MetricFormat.of(Metric.MAE, TargetUnit.of("₹")).value(5_120));
        // a share, a ratio or r2 has no unit, whatever the pack names
        assertEquals("0.897 [0.887, 0.906]", MetricFormat.of(Metric.R2, TargetUnit.of("USD")).estimate(0.8967, 0.887,
                0.906));
        assertEquals("0.119", MetricFormat.of(Metric.MAPE, TargetUnit.of("USD")).value(0.1194));
        assertEquals("mape", MetricFormat.of(Metric.MAPE, TargetUnit.of("USD")).inUnit("mape"));
        // no value, no unit
        assertEquals("–", usd.value(Double.NaN));
    }
}
