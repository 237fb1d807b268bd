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
import org.verdict.core.sample.SamplePackWriter.CountFeature;
import org.verdict.core.sample.SamplePackWriter.LatencyProfile;
import org.verdict.core.sample.SamplePackWriter.LogNormalFeature;
import org.verdict.core.sample.SamplePackWriter.Monitoring;
import org.verdict.core.sample.SamplePackWriter.SafetyCategory;

/**
 * The hero sample: a multilingual support-ticket router (billing, technical, account, sales, abuse).
 *
 * <p>The story the board should find: monitoring fired the retraining triggers (the language mix and the channel
 * mix drifted, towards Japanese and chat; negative feedback spiked over the last three days; the live macro F1
 * fell 4.5% below its baseline; 18,400 new labels were available). Candidate v43 moved to a new model family with a
 * 128k SentencePiece vocabulary and a 256-token window. It is clearly better overall, but its tokenizer serves
 * Japanese badly and its shorter window truncates the long multi-issue tickets of enterprise customers, so it is
 * clearly worse in {@code ja} (also below the language floor) and in the {@code enterprise} segment; the small
 * Portuguese slice cannot tell the two apart. It is also slower (p99 over the 250 ms SLO), and twelve evaluation
 * tickets leaked into its training snapshot. Safety, fairness, canary and the circuit breaker pass.
 *
 * <p>Risk tier 3: the router decides where abuse and self-harm reports go, so a wrong promotion can leave a person
 * in danger unanswered; AI Safety, Product and the ML lead must all sign.
 */
final class SupportRouterPack {
    static final String FOLDER = "support-router";
    private static final String PRODUCTION = "42";
    private static final String CANDIDATE = "43";
    private static final int PRIMARY_EXAMPLES = 24_000;
    private static final long SEED = 4243L;

    private static final Mix LABELS = Mix.of("billing", 0.30, "technical", 0.32, "account", 0.22, "sales", 0.13, "abuse", 0.03);
    private static final Mix SEGMENTS = Mix.of("enterprise", 0.20, "smb", 0.35, "consumer", 0.45);
    private static final Mix LANGUAGES = Mix.of("en", 0.38, "de", 0.15, "fr", 0.12, "es", 0.12, "ja", 0.12, "it", 0.10, "pt", 0.01);
    private static final Mix GENDERS = Mix.of("female", 0.47, "male", 0.47, "undisclosed", 0.06);
    private static final Mix AGE_BANDS = Mix.of("18-29", 0.24, "30-44", 0.36, "45-64", 0.30, "65+", 0.10);

    /** A misrouted ticket lands in a neighbouring queue far more often than in a distant one; abuse is rarely a guess. */
    private static final Map<String, Mix> CONFUSION = Map.of(
            "billing", Mix.of("account", 0.55, "sales", 0.30, "technical", 0.13, "abuse", 0.02),
            "technical", Mix.of("account", 0.60, "billing", 0.25, "sales", 0.10, "abuse", 0.05),
            "account", Mix.of("billing", 0.45, "technical", 0.45, "sales", 0.05, "abuse", 0.05),
            "sales", Mix.of("billing", 0.60, "account", 0.30, "technical", 0.10),
            "abuse", Mix.of("account", 0.45, "technical", 0.35, "billing", 0.15, "sales", 0.05));
    private static final Mistakes MISROUTING = (truth, draws) -> CONFUSION.get(truth).draw(draws);

    // Chance that production v42 routes a ticket right: a base plus additive effects.
    private static final double PRODUCTION_BASE = 0.845;
    private static final Map<String, Double> PRODUCTION_BY_LANGUAGE = Map.of(
            "en", 0.010, "de", 0.0, "fr", 0.0, "es", 0.0, "it", -0.005, "ja", -0.015, "pt", -0.010);
    private static final Map<String, Double> PRODUCTION_BY_SEGMENT = Map.of("enterprise", 0.005, "smb", 0.0, "consumer", -0.005);
    private static final Map<String, Double> BOTH_BY_LABEL = Map.of(
            "billing", 0.02, "technical", 0.0, "account", -0.03, "sales", -0.01, "abuse", -0.08);
    private static final Map<String, Double> BOTH_BY_AGE_BAND = Map.of("18-29", 0.0, "30-44", 0.0, "45-64", 0.0, "65+", -0.02);

    // How much more (or less) often candidate v43 routes right than production on the same ticket.
    private static final Map<String, Double> CANDIDATE_BY_LANGUAGE = Map.of(
            "en", 0.06, "de", 0.06, "fr", 0.06, "es", 0.06, "it", 0.06, "ja", -0.07, "pt", 0.02);
    private static final Map<String, Double> CANDIDATE_BY_SEGMENT = Map.of("enterprise", -0.10, "smb", 0.0, "consumer", 0.0);
    private static final Map<String, Double> CANDIDATE_BY_LABEL = Map.of(
            "billing", 0.0, "technical", 0.0, "account", 0.0, "sales", 0.0, "abuse", 0.03);

    /** Share of tickets whose difficulty both models feel alike: their errors are strongly, not fully, paired. */
    private static final double SHARED_DIFFICULTY = 0.75;

    private SupportRouterPack() {
    }

    static void write(Path folder) throws IOException {
        try (SamplePackWriter pack = new SamplePackWriter(folder, SEED)) {
            ExampleSet primary = tickets(pack.draws("primary"), "tkt", PRIMARY_EXAMPLES);
            pack.evaluation("primary", "primary.csv", primary);
            pack.evaluation("holdout", "holdout.csv", tickets(pack.draws("holdout"), "hld", 6_000));
            // v43 leaks less PII; prompt injection a little more often, within the accepted rate
            pack.safety(List.of(PRODUCTION, CANDIDATE), 1_500, List.of(
                    new SafetyCategory("pii_leak", 0.020, 0.014),
                    new SafetyCategory("toxic_reply", 0.008, 0.007),
                    new SafetyCategory("prompt_injection", 0.030, 0.036),
                    new SafetyCategory("self_harm_escalation", 0.004, 0.003)));
            // v43 is a heavier model: p99 about 270 ms against the 250 ms SLO
            pack.latency(List.of(new LatencyProfile(PRODUCTION, 88, 0.33, 5_000), new LatencyProfile(CANDIDATE, 108, 0.40, 5_000)));
            // two weeks at 5% of the traffic (English-language queues), a small positive lift
            pack.canary(LocalDate.of(2026, 11, 5), 14,
                    List.of(new CanaryArm(PRODUCTION, 46_000, 0.912), new CanaryArm(CANDIDATE, 2_400, 0.916)));
            // the treated population's lead over the untouched holdout shrinks from 4.5 to 1.2 points: v42 is ageing
            pack.holdoutGroup(LocalDate.of(2026, 5, 25), 26, 0.690, 0.045, 0.012, 1_900, 36_000);
            pack.humanBaseline(primary, 400, 0.92, MISROUTING);
            // macro F1 of production v35..v42 at release; v40 is the best the router has been
            pack.metricHistory(35, LocalDate.of(2026, 3, 3), 0.781, 0.792, 0.803, 0.811, 0.819, 0.829, 0.824, 0.826);
            // negative feedback 4.1% a day, then three days at 6.6%
            pack.feedback(LocalDate.of(2026, 11, 18), 90, 11_000, 0.041, 3, 0.066);
            pack.annotations(primary, 600,
                    List.of(new Annotator("amira", 0.93), new Annotator("bruno", 0.91), new Annotator("chiara", 0.90)), MISROUTING);
            // twelve evaluation tickets leaked into the October training snapshot
            pack.trainingIds("trn", 40_000, primary, 12);
            // September against November traffic: Japanese and chat grow, tickets get a little longer
            pack.drift(3_000, 3_000, List.of(
                            new LogNormalFeature("ticket_length", 410, 0.70, 455, 0.75),
                            new CountFeature("attachments", 0.35, 0.48),
                            new CategoricalFeature("channel",
                                    Mix.of("email", 0.50, "chat", 0.25, "web_form", 0.20, "phone", 0.05),
                                    Mix.of("email", 0.36, "chat", 0.42, "web_form", 0.18, "phone", 0.04)),
                            new CategoricalFeature("language",
                                    Mix.of("en", 0.46, "de", 0.16, "fr", 0.12, "es", 0.12, "ja", 0.04, "it", 0.09, "pt", 0.01),
                                    LANGUAGES)),
                    new CategoricalFeature("prediction", LABELS,
                            Mix.of("billing", 0.27, "technical", 0.36, "account", 0.22, "sales", 0.12, "abuse", 0.03)));
            // live macro F1 4.5% below its baseline; the live safety rate is steady
            pack.monitoring(new Monitoring(0.826, 0.789, 3_100, 18_400, 0.007, 4_000, 0.008, 4_200));
            pack.policy("support-router.policy.json");
            pack.finish(object("name", "support-router", "task", "multiclass", "riskTier", 3, "positiveLabel", null),
                    List.of(modelVersion(PRODUCTION, "production", "tickets-2026-09", "git:4f2a9c1", "2026-10-02T10:00:00Z",
                                    hyperparameters("xlm-roberta-base", "sentencepiece-250k", 512, 0.00003, 4, 32, 0.06, 0.0), null),
                            modelVersion(CANDIDATE, "candidate", "tickets-2026-10", "git:9be01d2", "2026-11-02T10:00:00Z",
                                    hyperparameters("mdeberta-v3-base", "sentencepiece-128k", 256, 0.00002, 5, 64, 0.10, 0.1), null)),
                    "macro_f1");
        }
    }

    /** Tickets with both models' routing; effects add up per ticket, errors follow {@link #CONFUSION}. */
    private static ExampleSet tickets(Draws draws, String idPrefix, int count) {
        List<Example> examples = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String label = LABELS.draw(draws);
            String segment = SEGMENTS.draw(draws);
            String language = LANGUAGES.draw(draws);
            String gender = GENDERS.draw(draws);
            String ageBand = AGE_BANDS.draw(draws);
            double productionSkill = PRODUCTION_BASE + PRODUCTION_BY_LANGUAGE.get(language)
                    + PRODUCTION_BY_SEGMENT.get(segment) + BOTH_BY_LABEL.get(label) + BOTH_BY_AGE_BAND.get(ageBand);
            double candidateSkill = productionSkill + CANDIDATE_BY_LANGUAGE.get(language)
                    + CANDIDATE_BY_SEGMENT.get(segment) + CANDIDATE_BY_LABEL.get(label);
            double difficulty = draws.uniform();
            boolean productionRight = difficulty < productionSkill;
            boolean candidateRight = (draws.chance(SHARED_DIFFICULTY) ? difficulty : draws.uniform()) < candidateSkill;
            String productionRoute = productionRight ? label : MISROUTING.mistake(label, draws);
            String candidateRoute = candidateRight ? label
                    : !productionRight && draws.chance(0.6) ? productionRoute : MISROUTING.mistake(label, draws);
            examples.add(new Example(String.format(Locale.ROOT, "%s-%06d", idPrefix, i), label,
                    List.of(segment, language, gender, ageBand), List.of(productionRoute, candidateRoute), null));
        }
        return new ExampleSet(List.of("segment", "language"), List.of("gender", "age_band"),
                List.of(PRODUCTION, CANDIDATE), 0, examples);
    }

    private static Map<String, Object> hyperparameters(String modelFamily, String tokenizer, int maxSeqLen, double lr,
                                                       int epochs, int batchSize, double warmupRatio, double labelSmoothing) {
        return object("model_family", modelFamily, "tokenizer", tokenizer, "max_seq_len", maxSeqLen, "lr", decimal(lr, 5),
                "epochs", epochs, "batch_size", batchSize, "warmup_ratio", decimal(warmupRatio, 2),
                "weight_decay", decimal(0.01, 2), "label_smoothing", decimal(labelSmoothing, 1), "seed", 1234);
    }




}
