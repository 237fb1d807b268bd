package org.verdict.core.gates.triggers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.NamedNumbers;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.stats.DriftStatistics;
import org.verdict.core.gates.suites.DriftSuite;
import org.verdict.core.gates.suites.FeedbackDay;
import org.verdict.core.gates.suites.MonitoringSnapshot;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.stats.PValueAdjustment;

/**
 * Evaluates the retraining triggers over a pack's monitoring evidence ({@code monitoring.json}, drift and feedback
 * files) and suggests retrain / defer / investigate.
 */
public final class TriggerEvaluator {
    /** Days in the feedback trigger's sustained-rise check (a week, which also averages out weekday patterns). */
    private static final int SUSTAINED_DAYS = 7;

    private final GatePolicy policy;

    public TriggerEvaluator(GatePolicy policy) {
        this.policy = policy;
    }

    /** @param targetUnit a regression target's unit, written beside the live metric's values in it */
    public RetrainingAssessment evaluate(PackSuites suites, Metric primaryMetric, TargetUnit targetUnit) {
        MonitoringSnapshot monitoring = suites.monitoring().orElse(new MonitoringSnapshot(null, null, null));
        List<FeatureDrift> drift = suites.drift().map(this::drift).orElse(List.of());
        List<FeedbackCheck> feedback = suites.feedback().map(this::feedback).orElse(List.of());
        List<TriggerResult> triggers = List.of(
                metricDecay(monitoring.primaryMetric(), primaryMetric, targetUnit),
                driftTrigger(suites.drift().isPresent(), drift),
                safetyRise(monitoring.safetyViolations()),
                feedbackTrigger(suites.feedback().orElse(List.of()), feedback),
                labelledVolume(monitoring.newLabelledExamples()));
        return suggest(triggers, drift, feedback);
    }

    TriggerResult metricDecay(MonitoringSnapshot.PrimaryMetric metric, Metric primaryMetric, TargetUnit targetUnit) {
        if (metric == null) {
            return noEvidence(Trigger.METRIC_DECAY,
                    "no primaryMetric in the monitoring evidence (no monitoring suite, or it lacks primaryMetric)");
        }
        double worsening = primaryMetric.higherIsBetter() ? metric.baseline() - metric.current()
                : metric.current() - metric.baseline();
        double percent = metric.baseline() == 0 ? 0 : worsening / Math.abs(metric.baseline()) * 100;
        double limit = policy.triggers().metricDecayPercent();
        TriggerState state = percent > limit ? TriggerState.FIRED : TriggerState.QUIET;
        return new TriggerResult(Trigger.METRIC_DECAY, state, String.format(Locale.ROOT,
                "%s %s now vs %s at baseline (%s): %.1f%% worse, threshold %.1f%%", primaryMetric.wireName(),
                GateNumbers.value(primaryMetric, targetUnit, metric.current()),
                GateNumbers.value(primaryMetric, targetUnit, metric.baseline()),
                MetricFormat.sampleSize(metric.n()), percent, limit),
                NamedNumbers.of("baseline", metric.baseline()).and("current", metric.current()).and("n", metric.n())
                        .and("worsePercent", percent).and("thresholdPercent", limit).inOrder());
    }

    List<FeatureDrift> drift(DriftSuite suite) {
        List<String> names = new ArrayList<>();
        List<double[]> measures = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        suite.numeric().forEach((feature, samples) -> {
            double[] edges = DriftStatistics.quantileEdges(samples.reference(), policy.triggers().psiBins());
            names.add(feature);
            numeric.add(true);
            measures.add(new double[] {samples.reference().length, samples.current().length,
                DriftStatistics.psi(DriftStatistics.binCounts(samples.reference(), edges),
                        DriftStatistics.binCounts(samples.current(), edges)),
                DriftStatistics.ksStatistic(samples.reference(), samples.current()),
                DriftStatistics.ksPValue(samples.reference(), samples.current())});
        });
        suite.categorical().forEach((feature, samples) -> {
            var counts = DriftStatistics.categoryCounts(samples.reference(), samples.current());
            long[] reference = counts.values().stream().mapToLong(c -> c[0]).toArray();
            long[] current = counts.values().stream().mapToLong(c -> c[1]).toArray();
            boolean testable = reference.length >= 2;
            names.add(feature);
            numeric.add(false);
            measures.add(new double[] {samples.reference().size(), samples.current().size(),
                DriftStatistics.psi(reference, current),
                testable ? DriftStatistics.chiSquareStatistic(reference, current) : 0,
                testable ? DriftStatistics.chiSquarePValue(reference, current) : 1});
        });
        double[] adjusted = PValueAdjustment.holm(measures.stream().mapToDouble(m -> m[4]).toArray());
        List<FeatureDrift> drift = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] m = measures.get(i);
            double psi = m[2];
            String band = psi >= policy.triggers().psiMajor() ? "major"
                    : psi >= policy.triggers().psiModerate() ? "moderate" : "stable";
            boolean drifted = "major".equals(band) || ("moderate".equals(band) && adjusted[i] < policy.alpha());
            drift.add(new FeatureDrift(names.get(i), numeric.get(i), (int) m[0], (int) m[1], psi, band,
                    numeric.get(i) ? "ks" : "chi-square", m[3], m[4], adjusted[i], drifted));
        }
        return drift;
    }

    private TriggerResult driftTrigger(boolean present, List<FeatureDrift> drift) {
        if (!present) {
            return noEvidence(Trigger.DRIFT, "the pack has no drift sample");
        }
        List<FeatureDrift> drifted = drift.stream().filter(FeatureDrift::drifted).toList();
        String detail = drifted.isEmpty()
                ? "no feature drifted (" + drift.size() + " checked; PSI bands " + policy.triggers().psiModerate()
                        + " / " + policy.triggers().psiMajor() + ", Holm-adjusted tests)"
                : "drifted: " + String.join("; ", drifted.stream().map(f -> String.format(Locale.ROOT,
                        "%s PSI %.3f (%s), %s adjusted p %s", f.feature(), f.psi(), f.band(), f.test(),
                        MetricFormat.pValue(f.adjustedP()))).toList());
        return new TriggerResult(Trigger.DRIFT, drifted.isEmpty() ? TriggerState.QUIET : TriggerState.FIRED, detail,
                NamedNumbers.of("features", drift.size()).and("drifted", drifted.size()).inOrder());
    }

    /**
     * Fires when the current violation rate is significantly above the baseline (one-sided two-proportion z-test
     * at alpha) or above the policy's accepted safety rate.
     */
    TriggerResult safetyRise(MonitoringSnapshot.SafetyViolations violations) {
        if (violations == null) {
            return noEvidence(Trigger.SAFETY_RISE,
                    "no safetyViolations in the monitoring evidence (no monitoring suite, or it lacks safetyViolations)");
        }
        double baseline = violations.baselineRate();
        double current = violations.currentRate();
        long nb = violations.baselineN();
        long nc = violations.currentN();
        double pooled = (baseline * nb + current * nc) / (nb + nc);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nb + 1.0 / nc));
        double p = se == 0 ? (current > baseline ? 0 : 1)
                // the upper tail as Φ(−z): 1 − Φ(z) is 0 for any p below about 1e-16
                : new NormalDistribution().cumulativeProbability((baseline - current) / se);
        double accepted = policy.safety().acceptedRate();
        boolean fired = p < policy.alpha() || current > accepted;
        return new TriggerResult(Trigger.SAFETY_RISE, fired ? TriggerState.FIRED : TriggerState.QUIET,
                String.format(Locale.ROOT, "violation rate %.2f%% now (%s) vs %.2f%% at baseline (%s): one-sided "
                        + "p %s; accepted rate %.2f%%", current * 100, MetricFormat.sampleSize(nc), baseline * 100,
                        MetricFormat.sampleSize(nb), MetricFormat.pValue(p),
                        accepted * 100),
                NamedNumbers.of("baselineRate", baseline).and("currentRate", current).and("pValue", p)
                        .and("acceptedRate", accepted).inOrder());
    }

    /** Each day against the mean + 2 sd of the up to {@code feedbackWindow} days before it. */
    List<FeedbackCheck> feedback(List<FeedbackDay> days) {
        List<FeedbackCheck> checks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            SummaryStatistics before = earlierDays(days, i);
            boolean enough = before.getN() >= policy.triggers().feedbackMinHistory();
            double mean = enough ? before.getMean() : Double.NaN;
            double sd = enough ? before.getStandardDeviation() : Double.NaN;
            checks.add(new FeedbackCheck(days.get(i).date(), days.get(i).negativeRate(), mean, sd,
                    enough ? mean + 2 * sd : Double.NaN));
        }
        return checks;
    }

    /** The daily negative rates of the up to {@code feedbackWindow} days before day {@code end}. */
    private SummaryStatistics earlierDays(List<FeedbackDay> days, int end) {
        SummaryStatistics before = new SummaryStatistics();
        for (int j = Math.max(0, end - policy.triggers().feedbackWindow()); j < end; j++) {
            before.addValue(days.get(j).negativeRate());
        }
        return before;
    }

    /**
     * The mean daily rate of the last {@link #SUSTAINED_DAYS} days against the mean + 2 sd/√7 of the up to
     * {@code feedbackWindow} days before them. The latest day alone is judged against a window that, a week into a
     * sustained rise, already holds the raised days, so it stops firing while the rise goes on; a week's mean does
     * not (bench/feedback_sustained_rise.py). Null when there are too few days before the week to judge it.
     */
    private SustainedRise sustainedRise(List<FeedbackDay> days) {
        int weekStart = days.size() - SUSTAINED_DAYS;
        if (weekStart < 0) {
            return null;
        }
        SummaryStatistics before = earlierDays(days, weekStart);
        if (before.getN() < policy.triggers().feedbackMinHistory()) {
            return null;
        }
        SummaryStatistics week = new SummaryStatistics();
        long interactions = 0;
        for (FeedbackDay day : days.subList(weekStart, days.size())) {
            week.addValue(day.negativeRate());
            interactions += day.interactions();
        }
        double threshold = before.getMean() + 2 * before.getStandardDeviation() / Math.sqrt(SUSTAINED_DAYS);
        return new SustainedRise(week.getMean(), interactions, before.getMean(), threshold, before.getN());
    }

    private record SustainedRise(double rate, long interactions, double baselineMean, double threshold,
                                 long baselineDays) {
        boolean exceeded() {
            return rate > threshold;
        }
    }

    private TriggerResult feedbackTrigger(List<FeedbackDay> days, List<FeedbackCheck> checks) {
        if (checks.isEmpty()) {
            return noEvidence(Trigger.FEEDBACK, "the pack has no feedback file");
        }
        FeedbackCheck latest = checks.get(checks.size() - 1);
        if (Double.isNaN(latest.threshold())) {
            return noEvidence(Trigger.FEEDBACK, "fewer than " + policy.triggers().feedbackMinHistory()
                    + " days of feedback before " + latest.date());
        }
        String detail = String.format(Locale.ROOT,
                "negative feedback %.2f%% on %s (%s) vs rolling mean %.2f%% + 2 sd = %.2f%% of the %d days before it",
                latest.rate() * 100, latest.date(),
                MetricFormat.sampleSize(days.get(days.size() - 1).interactions()), latest.rollingMean() * 100,
                latest.threshold() * 100, Math.min(days.size() - 1, policy.triggers().feedbackWindow()));
        NamedNumbers numbers = NamedNumbers.of("rate", latest.rate()).and("rollingMean", latest.rollingMean())
                .and("rollingSd", latest.rollingSd()).and("threshold", latest.threshold());
        SustainedRise week = sustainedRise(days);
        if (week != null) {
            detail += String.format(Locale.ROOT, "; the last %d days %.2f%% (%s) vs %.2f%% + 2 sd/√%d = %.2f%% of the "
                            + "%d days before them%s", SUSTAINED_DAYS, week.rate() * 100,
                    MetricFormat.sampleSize(week.interactions()), week.baselineMean() * 100, SUSTAINED_DAYS,
                    week.threshold() * 100, week.baselineDays(), week.exceeded() ? ": a sustained rise" : "");
            numbers = numbers.and("weekRate", week.rate()).and("weekBaselineMean", week.baselineMean())
                    .and("weekThreshold", week.threshold());
        }
        boolean fired = latest.exceeded() || week != null && week.exceeded();
        return new TriggerResult(Trigger.FEEDBACK, fired ? TriggerState.FIRED : TriggerState.QUIET, detail,
                numbers.inOrder());
    }

    TriggerResult labelledVolume(Long newLabelled) {
        if (newLabelled == null) {
            return noEvidence(Trigger.LABELLED_VOLUME,
                    "no newLabelledExamples in the monitoring evidence (no monitoring suite, or it lacks newLabelledExamples)");
        }
        int minimum = policy.triggers().minNewLabelledExamples();
        return new TriggerResult(Trigger.LABELLED_VOLUME,
                newLabelled >= minimum ? TriggerState.FIRED : TriggerState.QUIET,
                MetricFormat.count(newLabelled) + " newly labelled examples (minimum to retrain "
                        + MetricFormat.count(minimum) + ")",
                NamedNumbers.of("newLabelled", newLabelled).and("minimum", minimum).inOrder());
    }

    /**
     * A safety rise asks for immediate review; decay with enough new labels asks for retraining, without them an
     * investigation; drift or feedback alone asks for the root cause first; new labels alone allow a scheduled
     * retrain; nothing fired: defer.
     */
    private static RetrainingAssessment suggest(List<TriggerResult> triggers, List<FeatureDrift> drift,
                                                List<FeedbackCheck> feedback) {
        boolean safety = fired(triggers, Trigger.SAFETY_RISE);
        boolean decay = fired(triggers, Trigger.METRIC_DECAY);
        boolean volume = fired(triggers, Trigger.LABELLED_VOLUME);
        boolean signals = fired(triggers, Trigger.DRIFT) || fired(triggers, Trigger.FEEDBACK);
        RetrainingDecision decision;
        String rationale;
        if (safety) {
            decision = RetrainingDecision.INVESTIGATE;
            rationale = "safety violations rose: review them immediately before any retraining";
        } else if (decay && volume) {
            decision = RetrainingDecision.RETRAIN;
            rationale = "the primary metric decayed and enough newly labelled data is available";
        } else if (decay) {
            decision = RetrainingDecision.INVESTIGATE;
            rationale = "the primary metric decayed, but there is not enough newly labelled data to retrain on: "
                    + "find the root cause (data shift, pipeline, labelling)";
        } else if (signals) {
            decision = RetrainingDecision.INVESTIGATE;
            rationale = "drift or negative feedback without a measured metric decay: confirm the root cause first";
        } else if (volume) {
            decision = RetrainingDecision.RETRAIN;
            rationale = "enough newly labelled data has accumulated for a scheduled retrain";
        } else {
            decision = RetrainingDecision.DEFER;
            rationale = quietOrUnjudged(triggers);
        }
        return new RetrainingAssessment(triggers, drift, feedback, decision, rationale);
    }

    /**
     * Why nothing fired: every trigger quiet on its evidence, or some (or all) without evidence to judge, which
     * is not the same as quiet and is said so.
     */
    private static String quietOrUnjudged(List<TriggerResult> triggers) {
        List<String> unjudged = triggers.stream().filter(t -> t.state() == TriggerState.NO_EVIDENCE)
                .map(t -> t.trigger().title()).toList();
        List<String> quiet = triggers.stream().filter(t -> t.state() == TriggerState.QUIET)
                .map(t -> t.trigger().title()).toList();
        if (quiet.isEmpty()) {
            return "no monitoring evidence: no trigger can be judged, so nothing says whether to retrain "
                    + "(add monitoring.json, drift or feedback to the pack)";
        }
        if (unjudged.isEmpty()) {
            return "no trigger fired: every trigger is quiet on its evidence";
        }
        return "no trigger fired among those with evidence (" + String.join(", ", quiet) + "); no monitoring "
                + "evidence for " + String.join(", ", unjudged) + ", which cannot be judged";
    }

    private static boolean fired(List<TriggerResult> triggers, Trigger trigger) {
        return triggers.stream().anyMatch(t -> t.trigger() == trigger && t.state() == TriggerState.FIRED);
    }

    private static TriggerResult noEvidence(Trigger trigger, String why) {
        return new TriggerResult(trigger, TriggerState.NO_EVIDENCE, why, Map.of());
    }
}
