package org.verdict.core.sample;

import static org.verdict.core.sample.PackFileWriter.decimal;
import static org.verdict.core.sample.PackFileWriter.object;
import static org.verdict.core.sample.SamplePackWriter.modelVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verdict.core.sample.SamplePackWriter.Annotator;
import org.verdict.core.sample.SamplePackWriter.CanaryArm;
import org.verdict.core.sample.SamplePackWriter.CategoricalFeature;
import org.verdict.core.sample.SamplePackWriter.LatencyProfile;
import org.verdict.core.sample.SamplePackWriter.LogNormalFeature;
import org.verdict.core.sample.SamplePackWriter.Monitoring;
import org.verdict.core.sample.SamplePackWriter.SafetyCategory;

/**
 * The second sample, in which every gate passes: a binary card-transaction fraud screen. Candidate v18 was
 * retrained on a scheduled basis with more labelled fraud; it separates fraud from legitimate transactions better
 * in every channel, language and age band, is as fast as production, and every evidence suite is healthy.
 *
 * <p>Risk tier 2: a wrong decline is costly and reversible, so the ML lead signs.
 */
final class FraudScreenPack {
    static final String FOLDER = "fraud-screen-pass";
    private static final String PRODUCTION = "17";
    private static final String CANDIDATE = "18";
    private static final long SEED = 1718L;
    private static final String FRAUD = "fraud";
    private static final String LEGIT = "legit";
    private static final double FRAUD_RATE = 0.05;
    private static final double PRODUCTION_THRESHOLD = 0.5;
    private static final double CANDIDATE_THRESHOLD = 0.45;
    /** How far apart fraud and legitimate transactions lie on each model's latent risk, in standard deviations. */
    private static final double PRODUCTION_SEPARATION = 2.6;
    private static final double CANDIDATE_SEPARATION = 3.0;
    /** Correlation of the two models' latent risk on the same transaction. */
    private static final double SHARED_NOISE = 0.8;

    private static final Mix CHANNELS = Mix.of("card_present", 0.35, "online", 0.45, "mobile", 0.20);
    private static final Mix LANGUAGES = Mix.of("en", 0.40, "de", 0.16, "fr", 0.14, "es", 0.14, "ja", 0.10, "pt", 0.06);
    private static final Mix AGE_BANDS = Mix.of("18-29", 0.22, "30-44", 0.34, "45-64", 0.30, "65+", 0.14);
    private static final Map<String, Double> SEPARATION_BY_CHANNEL = Map.of("card_present", 0.3, "online", -0.2, "mobile", 0.0);
    private static final Mistakes FLIP = (truth, draws) -> FRAUD.equals(truth) ? LEGIT : FRAUD;

    private FraudScreenPack() {
    }

    static void write(Path folder) throws IOException {
        try (SamplePackWriter pack = new SamplePackWriter(folder, SEED)) {
            ExampleSet primary = transactions(pack.draws("primary"), "txn", 20_000);
            pack.evaluation("primary", "primary.csv", primary);
            pack.evaluation("holdout", "holdout.csv", transactions(pack.draws("holdout"), "hld", 5_000));
            pack.safety(List.of(PRODUCTION, CANDIDATE), 1_500, List.of(
                    new SafetyCategory("pii_in_reason_code", 0.012, 0.010),
                    new SafetyCategory("unexplained_decline", 0.020, 0.016),
                    new SafetyCategory("vulnerable_customer_block", 0.010, 0.009)));
            pack.latency(List.of(new LatencyProfile(PRODUCTION, 14, 0.30, 5_000), new LatencyProfile(CANDIDATE, 15, 0.30, 5_000)));
            pack.canary(LocalDate.of(2026, 11, 5), 14,
                    List.of(new CanaryArm(PRODUCTION, 180_000, 0.981), new CanaryArm(CANDIDATE, 9_000, 0.984)));
            pack.holdoutGroup(LocalDate.of(2026, 5, 25), 26, 0.620, 0.050, 0.052, 4_000, 76_000);
            pack.humanBaseline(primary, 300, 0.95, FLIP);
            // ROC AUC of production v10..v17 at release
            pack.metricHistory(10, LocalDate.of(2026, 3, 10), 0.931, 0.938, 0.944, 0.951, 0.955, 0.958, 0.962, 0.965);
            pack.feedback(LocalDate.of(2026, 11, 18), 90, 60_000, 0.012, 0, 0.012);
            pack.annotations(primary, 600, List.of(new Annotator("dana", 0.995), new Annotator("emil", 0.99)), FLIP);
            pack.trainingIds("trn", 50_000, primary, 0);
            pack.drift(3_000, 3_000, List.of(
                            new LogNormalFeature("amount", 42, 1.1, 43, 1.1),
                            new LogNormalFeature("account_age_days", 600, 1.0, 590, 1.0),
                            new CategoricalFeature("channel", CHANNELS,
                                    Mix.of("card_present", 0.34, "online", 0.45, "mobile", 0.21)),
                            new CategoricalFeature("language", LANGUAGES, LANGUAGES)),
                    new CategoricalFeature("prediction", Mix.of(FRAUD, 0.03, LEGIT, 0.97), Mix.of(FRAUD, 0.031, LEGIT, 0.969)));
            pack.monitoring(new Monitoring(0.965, 0.962, 12_000, 52_000, 0.012, 5_000, 0.011, 5_200));
            pack.policy("fraud-screen-pass.policy.json");
            pack.finish(object("name", "fraud-screen", "task", "binary", "riskTier", 2, "positiveLabel", FRAUD),
                    List.of(modelVersion(PRODUCTION, "production", "transactions-2026-08", "git:a17c3e0",
                                    "2026-09-14T08:30:00Z", hyperparameters(0.05, 800, "fs-11"), PRODUCTION_THRESHOLD),
                            modelVersion(CANDIDATE, "candidate", "transactions-2026-10", "git:c58d021",
                                    "2026-11-09T08:30:00Z", hyperparameters(0.04, 1_100, "fs-12"), CANDIDATE_THRESHOLD)),
                    "roc_auc");
        }
    }

    /**
     * Each transaction has a latent risk per model, normal with unit variance, shifted by the model's separation for
     * fraud. The score is the exact posterior probability of fraud under that model, so both models are calibrated.
     */
    private static ExampleSet transactions(Draws draws, String idPrefix, int count) {
        List<Example> examples = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            boolean fraud = draws.chance(FRAUD_RATE);
            String channel = CHANNELS.draw(draws);
            String language = LANGUAGES.draw(draws);
            String ageBand = AGE_BANDS.draw(draws);
            double shared = draws.normal(0, 1);
            double own = draws.normal(0, 1);
            double channelEffect = SEPARATION_BY_CHANNEL.get(channel);
            double productionScore = score(fraud, PRODUCTION_SEPARATION + channelEffect, shared);
            double candidateScore = score(fraud, CANDIDATE_SEPARATION + channelEffect,
                    SHARED_NOISE * shared + Math.sqrt(1 - SHARED_NOISE * SHARED_NOISE) * own);
            examples.add(new Example(String.format(Locale.ROOT, "%s-%06d", idPrefix, i), fraud ? FRAUD : LEGIT,
                    List.of(channel, language, ageBand),
                    List.of(decide(productionScore, PRODUCTION_THRESHOLD), decide(candidateScore, CANDIDATE_THRESHOLD)),
                    new double[] {productionScore, candidateScore}));
        }
        return new ExampleSet(List.of("channel", "language"), List.of("age_band"), List.of(PRODUCTION, CANDIDATE), 6, examples);
    }

    /** Posterior of fraud for equal-variance normal classes, rounded as written so the prediction agrees with the file. */
    private static double score(boolean fraud, double separation, double noise) {
        double risk = (fraud ? separation : 0) + noise;
        double logOdds = Math.log(FRAUD_RATE / (1 - FRAUD_RATE)) + separation * risk - separation * separation / 2;
        return decimal(1 / (1 + Math.exp(-logOdds)), 6).doubleValue();
    }

    private static String decide(double score, double threshold) {
        return score >= threshold ? FRAUD : LEGIT;
    }

    private static Map<String, Object> hyperparameters(double learningRate, int estimators, String featureSet) {
        return object("model_family", "lightgbm", "num_leaves", 63, "learning_rate", decimal(learningRate, 2),
                "n_estimators", estimators, "min_child_samples", 40, "feature_set", featureSet, "class_weight", "balanced");
    }




}
