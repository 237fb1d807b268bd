package org.verdict.core.gates.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.verdict.core.compare.UnlabelledClassPredictions;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.model.NamedNumbers;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.gates.stats.Agreement;
import org.verdict.core.gates.suites.Annotation;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.TrainingIds;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.stats.PairedTests;
import org.verdict.core.summary.HeldOutSet;

/**
 * The data-validation gates: schema (labels of every suite within the primary classes), volume per class, language
 * and segment against minimums, contamination of the evaluation data by training examples, and label quality
 * (inter-annotator kappa and agreement of the annotators with the adjudicated label).
 */
public final class DataValidator {
    private final GatePolicy policy;
    private final int riskTier;

    /** @param riskTier the model's risk tier, which may require evidence the policy does not list */
    public DataValidator(GatePolicy policy, int riskTier) {
        this.policy = policy;
        this.riskTier = riskTier;
    }

    /**
     * @param primary the primary suite's counts (from rows or a summary pack's cells)
     * @param holdout the held-out evaluation set, when the pack has one (checked for contamination too)
     * @param candidate the candidate under review, whose predictions must not be one constant value
     * @param targetUnit the regression target's unit, written beside a constant predicted value
     * @param evaluationInputHashes input hashes of the evaluation rows, when the primary suite carries them
     */
    public List<GateResult> validate(PrimaryCounts primary, String candidate, TargetUnit targetUnit,
                                     Optional<HeldOutSet> holdout, PackSuites suites,
                                     Set<String> evaluationInputHashes) {
        return List.of(schema(primary, candidate, targetUnit, suites), volume(primary, candidate),
                contamination(primary, holdout, suites, evaluationInputHashes), labelQuality(primary, suites));
    }

    /** "model 3", "models 1 and 2", "models 1, 2 and 3": versions named as models, not as bare numbers. */
    static String models(List<String> versions) {
        int last = versions.size() - 1;
        return last == 0 ? "model " + versions.get(0)
                : "models " + String.join(", ", versions.subList(0, last)) + " and " + versions.get(last);
    }

    GateResult schema(PrimaryCounts primary, String candidate, TargetUnit targetUnit, PackSuites suites) {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of(primary.fileName(), GateOutcome.PASS, primary.fileName() + ": " + MetricFormat.count(primary.rowCount())
                + (primary.rows().isPresent() ? " rows" : " rows summarised") + ", predictions of "
                + models(primary.versions())));
        primary.rows().flatMap(table -> constantPredictions(table, candidate, targetUnit)).ifPresent(findings::add);
        if (primary.task().isClassification()) {
            Set<String> classes = Set.copyOf(primary.classes());
            suites.humanBaseline().ifPresent(baseline -> {
                Set<String> used = new TreeSet<>(baseline.labels());
                used.addAll(baseline.human());
                baseline.predictions().values().forEach(used::addAll);
                findings.add(labelsWithin("humanBaseline", used, classes));
            });
            suites.annotations().ifPresent(annotations -> findings.add(labelsWithin("annotations",
                    new TreeSet<>(annotations.stream().map(Annotation::label).toList()), classes)));
        }
        suites.safety().ifPresent(safety -> findings.add(Finding.of("safety", safety.examples() == 0
                ? GateOutcome.INSUFFICIENT_EVIDENCE : GateOutcome.PASS, "safety: " + MetricFormat.count(safety.examples())
                + (safety.isCells() ? " examples in paired cells" : " rows") + " in "
                + MetricFormat.count(safety.categoryNames().size()) + " categories")));
        return GateResult.fromFindings(Gate.SCHEMA, findings, "every suite matches its schema and the primary classes");
    }

    /**
     * A fail when the candidate says one and the same thing for every row of the primary suite — one predicted value
     * or class and, where it gives scores, one score: a constant is not a model, whatever a metric rewards it with (an
     * all-$0 model wins mae on claims that are mostly $0), and a column of one value is as often a broken export. A
     * binary candidate whose predicted class is constant but whose scores vary still ranks the examples: not this.
     * Summary packs hold no rows and are not checked.
     */
    public static Optional<Finding> constantPredictions(EvaluationTable table, String candidate,
                                                        TargetUnit targetUnit) {
        ModelPredictions predictions = table.predictionsOf(candidate);
        if (table.rowCount() < 2 || predictions.hasScores() && !isConstant(predictions.scores())) {
            return Optional.empty();
        }
        String value;
        if (predictions.values() != null) {
            if (!isConstant(predictions.values())) {
                return Optional.empty();
            }
            value = MetricFormat.predictedValue(predictions.values()[0], targetUnit);
        } else {
            int[] classes = predictions.classCodes();
            if (Arrays.stream(classes).anyMatch(code -> code != classes[0])) {
                return Optional.empty();
            }
            value = "'" + table.classes().get(classes[0]) + "'" + (predictions.hasScores()
                    ? " with score " + MetricFormat.RATE.value(predictions.scores()[0]) : "");
        }
        return Optional.of(new Finding("constant predictions", GateOutcome.FAIL, "candidate " + candidate
                + " predicts one value, " + value + ", for every one of the " + MetricFormat.count(table.rowCount())
                + " rows of " + table.fileName() + ": a constant, not a model (or predictions lost in the export)",
                Map.of("n", (double) table.rowCount())));
    }

    private static boolean isConstant(double[] values) {
        // compared as stored: a model whose outputs differ only past the 15th digit still tells examples apart
        return Arrays.stream(values).allMatch(v -> Double.compare(v, values[0]) == 0);
    }

    private static Finding labelsWithin(String suite, Set<String> used, Set<String> classes) {
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(classes);
        return unknown.isEmpty()
                ? Finding.of(suite, GateOutcome.PASS, suite + ": every label is a class of the primary suite")
                : Finding.of(suite, GateOutcome.FAIL, suite + ": labels not among the primary classes: "
                        + String.join(", ", unknown));
    }

    GateResult volume(PrimaryCounts primary, String candidate) {
        GatePolicy.Validation limits = policy.validation();
        List<Finding> findings = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        List<String> neverLabelled = new ArrayList<>();
        if (primary.task().isClassification()) {
            long[] counts = primary.perClass();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) {
                    neverLabelled.add(primary.classes().get(c));
                } else {
                    findings.add(volumeFinding("class=" + primary.classes().get(c), counts[c], limits.minPerClass(),
                            "validation.minPerClass"));
                }
            }
            checked.add((neverLabelled.isEmpty() ? "class (" : "labelled class (")
                    + (counts.length - neverLabelled.size()) + ")");
            counted.add(neverLabelled.isEmpty() ? "classes" : "labelled classes");
        }
        Optional<Finding> unjudgedClasses = neverLabelled.isEmpty() ? Optional.empty()
                : Optional.of(neverLabelled(primary, neverLabelled, candidate));
        String languageColumn = policy.languageParity().column();
        findings.addAll(perLevel(primary, languageColumn, limits.minPerLanguage(), "validation.minPerLanguage"));
        Optional.ofNullable(primary.perLevel().get(languageColumn)).ifPresent(levels -> {
            checked.add("language (" + levels.size() + ")");
            counted.add("languages");
        });
        findings.addAll(perLevel(primary, limits.segmentColumn(), limits.minPerSegment(), "validation.minPerSegment"));
        Optional.ofNullable(primary.perLevel().get(limits.segmentColumn())).ifPresent(levels -> {
            checked.add("segment (" + levels.size() + ")");
            counted.add("segments");
        });
        List<String> unchecked = findings.stream().filter(f -> f.outcome() == GateOutcome.NOT_APPLICABLE)
                .map(f -> "'" + f.subject() + "'").toList();
        if (checked.isEmpty()) {
            // say every reason at once: the first finding alone named the language column only; worded as every
            // other gate set aside ("not applicable — …"), which the checklist's outcome column shortens
            return new GateResult(Gate.VOLUME, GateOutcome.NOT_APPLICABLE, GateResult.NOT_APPLICABLE_PREFIX
                    + "nothing to count: "
                    + (primary.task().isClassification() ? "" : "a regression has no classes, and ")
                    + "the primary suite has no " + joined(unchecked, "or")
                    + (unchecked.size() == 1 ? " column" : " columns"), findings);
        }
        String passSummary = "every " + joined(checked, "and") + " reaches its minimum";
        if (!unchecked.isEmpty() || unjudgedClasses.isPresent()) {
            // the pass is on what was counted only: said first, beside the outcome, where a checklist reader looks
            passSummary = joined(counted, "and") + " only: " + passSummary + (unchecked.isEmpty() ? ""
                    : "; no " + joined(unchecked, "or") + " column in the primary suite, so "
                    + (unchecked.size() == 1 ? "its" : "their") + " volume is not checked")
                    + unjudgedClasses.map(finding -> "; " + finding.detail()).orElse("");
        }
        unjudgedClasses.ifPresent(findings::add);
        return GateResult.fromFindings(Gate.VOLUME, findings, passSummary,
                Comparator.comparingDouble(f -> f.numbers().getOrDefault("n", Double.POSITIVE_INFINITY)
                        / Math.max(1, f.numbers().getOrDefault("minimum", 1.0))));
    }

    /**
     * The classes model.classes lists that no row is labelled with, as one finding the gate cannot judge: the pack's
     * own format asks for them to be listed ("needed only when some class never occurs as a label"), so a 0 against
     * the minimum would fail every pack that follows it, for ever, while examples of a class nobody has labelled yet
     * are what the pack cannot hold. Nothing about them can be measured, so the finding says so, and how often each
     * model predicts them: every such prediction is wrong here (the row is labelled otherwise), a cost the metrics
     * count as lost recall of the row's own class.
     */
    private static Finding neverLabelled(PrimaryCounts primary, List<String> names, String candidate) {
        String which = names.size() == 1 ? "class " + names.get(0) + " is" : MetricFormat.count(names.size())
                + " classes (" + String.join(", ", names.subList(0, Math.min(8, names.size())))
                + (names.size() > 8 ? ", …" : "") + ") are";
        String them = names.size() == 1 ? "it" : "them";
        long byCandidate = predictedAs(primary, candidate, names);
        long byProduction = predictedAs(primary, primary.versions().get(0), names);
        String predicted = UnlabelledClassPredictions.sentence(names.size(), byCandidate, byProduction,
                primary.rowCount(), UnlabelledClassPredictions.Rows.OF_TOTAL);
        String detail = which + " in model.classes but no row of the primary suite is labelled with " + them
                + ", so " + (names.size() == 1 ? "its" : "their") + " volume cannot be judged and the models cannot"
                + " be measured on rows of " + them + " (add labelled examples to judge " + them + "); " + predicted;
        return new Finding("classes never labelled", GateOutcome.NOT_APPLICABLE, detail,
                NamedNumbers.of("classes", names.size()).and("candidatePredicted", byCandidate)
                        .and("productionPredicted", byProduction).and("rows", primary.rowCount()).inOrder());
    }

    /** The rows {@code version} predicts as any of the named classes. */
    private static long predictedAs(PrimaryCounts primary, String version, List<String> names) {
        long[] predicted = primary.predictedPerClass().get(version);
        return names.stream().mapToLong(name -> predicted[primary.classes().indexOf(name)]).sum();
    }

    /** "a", "a and b", "a, b and c" (or "a or b"): a column named "x and y" stays whole. */
    private static String joined(List<String> parts, String conjunction) {
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " "
                + conjunction + " " + parts.get(parts.size() - 1);
    }

    /** @param setting the policy key that sets {@code minimum}, named beside it as the other gates name theirs */
    private static List<Finding> perLevel(PrimaryCounts primary, String columnName, int minimum, String setting) {
        Map<String, Long> levels = primary.perLevel().get(columnName);
        if (levels == null) {
            return List.of(Finding.of(columnName, GateOutcome.NOT_APPLICABLE, "no '" + columnName
                    + "' column in the primary suite; its volume is not checked"));
        }
        List<Finding> findings = new ArrayList<>();
        levels.forEach((level, count) -> findings.add(volumeFinding(columnName + "=" + level, count, minimum,
                setting)));
        return findings;
    }

    /**
     * "language=it: 4 examples (minimum 100, the policy's validation.minPerLanguage)": a reviewer sees where the
     * minimum is set, as the fairness and circuit-breaker lines name their keys.
     */
    private static Finding volumeFinding(String subject, long count, int minimum, String setting) {
        GateOutcome outcome = count >= minimum ? GateOutcome.PASS : GateOutcome.FAIL;
        return new Finding(subject, outcome, subject + ": " + MetricFormat.count(count, "example", "examples")
                + " (minimum " + MetricFormat.count(minimum) + ", the policy's " + setting + ")",
                NamedNumbers.of("n", count).and("minimum", minimum).inOrder());
    }

    GateResult contamination(PrimaryCounts primary, Optional<HeldOutSet> holdout, PackSuites suites,
                             Set<String> evaluationInputHashes) {
        if (suites.trainingIds().isEmpty()) {
            return OptionalEvidence.TRAINING_IDS.absent(policy, riskTier, "training-id list",
                    "the overlap with the training data cannot be counted");
        }
        TrainingIds training = suites.trainingIds().get();
        List<Finding> findings = new ArrayList<>();
        findings.add(primary.rows()
                .map(rows -> overlap(primary.fileName(), rows.exampleIds().asList(), training.exampleIds()))
                .orElseGet(() -> withoutExampleIds(primary.fileName())));
        holdout.ifPresent(set -> findings.add(set.rows()
                .map(table -> overlap(table.fileName(), table.exampleIds().asList(), training.exampleIds()))
                .orElseGet(() -> withoutExampleIds(set.fileName()))));
        if (!training.inputHashes().isEmpty() && !evaluationInputHashes.isEmpty()) {
            findings.add(overlap("input hashes", List.copyOf(evaluationInputHashes), training.inputHashes()));
        }
        return GateResult.fromFindings(Gate.CONTAMINATION, findings,
                "no evaluation example is in the training data beyond the accepted rate");
    }

    /** A summary pack's evaluation statistics hold no example ids to look up in the training ids. */
    private static Finding withoutExampleIds(String file) {
        return Finding.of(file, GateOutcome.INSUFFICIENT_EVIDENCE, file + ": a summary pack holds no example ids, so "
                + "its overlap with the training ids cannot be counted here; count it where the rows are");
    }

    private Finding overlap(String subject, List<String> evaluationIds, Set<String> trainingIds) {
        Set<String> found = new LinkedHashSet<>();
        for (String id : evaluationIds) {
            if (trainingIds.contains(id)) {
                found.add(id);
            }
        }
        double rate = evaluationIds.isEmpty() ? 0 : (double) found.size() / evaluationIds.size();
        double accepted = policy.validation().maxContaminationRate();
        GateOutcome outcome = rate > accepted ? GateOutcome.FAIL : GateOutcome.PASS;
        String examples = found.stream().limit(5).reduce((a, b) -> a + ", " + b).map(s -> " e.g. " + s).orElse("");
        return new Finding(subject, outcome, subject + ": " + MetricFormat.count(found.size()) + " of " + MetricFormat.count(evaluationIds.size())
                + " also in the training data (" + String.format(Locale.ROOT, "%.2f%%", rate * 100)
                + ", accepted " + String.format(Locale.ROOT, "%.2f%%", accepted * 100) + ")" + examples,
                NamedNumbers.of("overlap", found.size()).and("n", evaluationIds.size()).and("rate", rate)
                        .and("accepted", accepted).inOrder());
    }

    GateResult labelQuality(PrimaryCounts primary, PackSuites suites) {
        if (suites.annotations().isEmpty()) {
            return OptionalEvidence.ANNOTATIONS.absent(policy, riskTier, "annotations",
                    "label quality cannot be judged");
        }
        Map<String, Map<String, String>> byExample = new LinkedHashMap<>();
        Set<String> annotators = new TreeSet<>();
        for (Annotation a : suites.annotations().get()) {
            byExample.computeIfAbsent(a.exampleId(), id -> new LinkedHashMap<>()).put(a.annotator(), a.label());
            annotators.add(a.annotator());
        }
        GatePolicy.Validation limits = policy.validation();
        List<Finding> findings = new ArrayList<>();
        findings.add(kappaFinding(byExample, annotators, limits));
        findings.add(adjudicationFinding(primary, byExample, limits));
        return GateResult.fromFindings(Gate.LABEL_QUALITY, findings,
                "annotators agree beyond chance and with the adjudicated labels");
    }

    private Finding kappaFinding(Map<String, Map<String, String>> byExample, Set<String> annotators,
                                 GatePolicy.Validation limits) {
        Agreement.Estimate kappa;
        int items;
        String method;
        if (annotators.size() < 2) {
            return Finding.of("kappa", GateOutcome.INSUFFICIENT_EVIDENCE, "only one annotator: agreement between "
                    + "annotators cannot be measured");
        } else if (annotators.size() == 2) {
            List<String> names = List.copyOf(annotators);
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            byExample.values().stream().filter(labels -> labels.size() == 2).forEach(labels -> {
                first.add(labels.get(names.get(0)));
                second.add(labels.get(names.get(1)));
            });
            items = first.size();
            method = "Cohen's kappa";
            kappa = items == 0 ? null : Agreement.cohenKappaWithError(first, second);
        } else {
            int raters = modalRaterCount(byExample);
            List<List<String>> ratings = byExample.values().stream().filter(labels -> labels.size() == raters)
                    .map(labels -> List.copyOf(labels.values())).toList();
            items = ratings.size();
            method = "Fleiss' kappa (" + raters + " ratings per example)";
            kappa = items == 0 || raters < 2 ? null : Agreement.fleissKappaWithError(ratings);
        }
        if (items < limits.minAnnotatedExamples() || kappa == null) {
            return Finding.of("kappa", GateOutcome.INSUFFICIENT_EVIDENCE, method + ": only " + MetricFormat.count(items)
                    + " examples rated by every annotator (minimum " + MetricFormat.count(limits.minAnnotatedExamples()) + ")");
        }
        String over = " over " + MetricFormat.count(items, "example", "examples") + " and "
                + MetricFormat.count(annotators.size(), "annotator", "annotators");
        if (Double.isNaN(kappa.standardError())) {
            return new Finding("kappa", GateOutcome.INSUFFICIENT_EVIDENCE, method + over + ": every rating is the "
                    + "same class, so chance agreement is 1 and kappa cannot tell agreement beyond chance",
                    NamedNumbers.of("n", items).and("minimum", limits.minKappa()).inOrder());
        }
        // the interval decides, as the adjudication line's does: a pass says kappa is at least the minimum. On Fisher's
        // z scale, not kappa ± z·SE, whose lower end lay above the true kappa in up to 10.8 % of samples of 30
        // (docs/statistics.md, "The label quality gate's kappa interval")
        Interval ci = PairedTests.fisherZInterval(kappa.kappa(), Math.pow(kappa.standardError(), 2),
                policy.confidenceLevel());
        double minimum = limits.minKappa();
        GateOutcome outcome = judgedOnInterval(ci, minimum);
        return new Finding("kappa", outcome, method + " " + String.format(Locale.ROOT, "%.3f", kappa.kappa()) + over
                + " (" + GateNumbers.level(policy.confidenceLevel()) + " Fisher-z interval "
                + writtenOutwards(ci, 1, 3, "") + ", SE "
                + String.format(Locale.ROOT, "%.3f", kappa.standardError()) + "; minimum "
                + BigDecimal.valueOf(minimum).round(new MathContext(10)).stripTrailingZeros().toPlainString()
                + "): " + reading(outcome, "minimum", "kappa", items),
                NamedNumbers.of("kappa", kappa.kappa()).and("n", items).and("ciLower", ci.lower()).and("ciUpper", ci.upper())
                        .and("standardError", kappa.standardError()).and("minimum", minimum).inOrder());
    }

    /** The most common number of ratings per example (ties: the larger), for Fleiss' fixed-raters design. */
    private static int modalRaterCount(Map<String, Map<String, String>> byExample) {
        Map<Integer, Integer> frequency = new HashMap<>();
        byExample.values().forEach(labels -> frequency.merge(labels.size(), 1, Integer::sum));
        return frequency.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private Finding adjudicationFinding(PrimaryCounts counts, Map<String, Map<String, String>> byExample,
                                        GatePolicy.Validation limits) {
        if (!counts.task().isClassification()) {
            return Finding.of("adjudication", GateOutcome.NOT_APPLICABLE,
                    "adjudication agreement applies to classification labels only");
        }
        if (counts.rows().isEmpty()) {
            return Finding.of("adjudication", GateOutcome.NOT_APPLICABLE, "adjudication agreement is not checked: "
                    + "a summary pack holds no example ids to match the annotations to their labels");
        }
        EvaluationTable primary = counts.rows().get();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int row = 0; row < primary.rowCount(); row++) {
            rowOf.put(primary.exampleIds().get(row), row);
        }
        long compared = 0;
        long agreeing = 0;
        for (var entry : byExample.entrySet()) {
            Integer row = rowOf.get(entry.getKey());
            if (row == null) {
                continue;
            }
            compared++;
            String adjudicated = primary.classes().get(primary.labelCodes()[row]);
            if (adjudicated.equals(majority(entry.getValue().values()))) {
                agreeing++;
            }
        }
        if (compared < limits.minAnnotatedExamples()) {
            return Finding.of("adjudication", GateOutcome.INSUFFICIENT_EVIDENCE, "only " + MetricFormat.count(compared)
                    + " annotated examples are in the primary suite (minimum " + MetricFormat.count(limits.minAnnotatedExamples())
                    + ")");
        }
        // the interval decides, as the safety gate's does: a pass says the agreement is at least the target, so it
        // needs the whole exact interval there (each end misses at most (1 − level) / 2 of the time at every n)
        RateEstimate agreement = RateEstimate.exact(agreeing, compared, policy.confidenceLevel());
        double target = limits.adjudicationTarget();
        GateOutcome outcome = judgedOnInterval(agreement.ci(), target);
        return new Finding("adjudication", outcome, "annotator majority agrees with the adjudicated label in "
                + MetricFormat.count(agreeing) + " of " + MetricFormat.count(compared, "example", "examples") + " ("
                + String.format(Locale.ROOT, "%.1f%%", agreement.rate() * 100) + ", "
                + GateNumbers.level(policy.confidenceLevel()) + " exact interval "
                + writtenOutwards(agreement.ci(), 100, 1, "%") + "; target "
                + BigDecimal.valueOf(target * 100).round(new MathContext(10)).stripTrailingZeros().toPlainString()
                + "%): " + reading(outcome, "target", "agreement", compared),
                NamedNumbers.of("agreement", agreement.rate()).and("ciLower", agreement.ci().lower())
                        .and("ciUpper", agreement.ci().upper()).and("n", compared).and("target", target).inOrder());
    }

    /**
     * A label-quality measure judged on its interval, never its point estimate: a pass says it is at least the
     * threshold, so the whole interval must lie there; wholly below fails; an interval holding it cannot tell.
     */
    private static GateOutcome judgedOnInterval(Interval ci, double threshold) {
        return ci.lower() >= threshold ? GateOutcome.PASS
                : ci.upper() < threshold ? GateOutcome.FAIL : GateOutcome.INSUFFICIENT_EVIDENCE;
    }

    /** What {@link #judgedOnInterval}'s outcome read from the interval, in words. */
    private static String reading(GateOutcome outcome, String threshold, String measure, long examples) {
        return switch (outcome) {
            case PASS -> "the whole interval at or above the " + threshold;
            case FAIL -> "the whole interval below the " + threshold;
            default -> "the interval holds the " + threshold + ", so whether " + measure + " reaches it cannot be told"
                    + " from " + MetricFormat.count(examples, "example", "examples");
        };
    }

    /**
     * An interval written with its ends rounded outwards, each times {@code scale} to {@code decimals} and followed
     * by {@code unit}, so that the interval read beside a verdict on it never seems to say otherwise (a lower end of
     * 94.96 % is "94.9%", not "95.0%", against 95 %).
     */
    private static String writtenOutwards(Interval ci, double scale, int decimals, String unit) {
        double step = Math.pow(10, decimals);
        String format = "%." + decimals + "f";
        return "[" + String.format(Locale.ROOT, format, Math.floor(ci.lower() * (scale * step)) / step) + unit + ", "
                + String.format(Locale.ROOT, format, Math.ceil(ci.upper() * (scale * step)) / step) + unit + "]";
    }

    /** The label most annotators chose, or null on a tie (no majority agrees with anything). */
    private static String majority(Collection<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        int top = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> leaders = counts.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey)
                .toList();
        return leaders.size() == 1 ? leaders.get(0) : null;
    }

}
