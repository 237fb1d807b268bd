package org.verdict.bench;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;

/**
 * A seeded synthetic paired binary evaluation set: two slice columns with 60 slices in all (region × 12,
 * product × 48), two sensitive attributes (gender, age_band), production v1 and candidate v2 with scores.
 * The candidate is a little better on average and worse in some products, so every verdict occurs.
 *
 * <p>As a program it writes such a pack for the whole-process benchmark (bench/run-benchmark.sh):
 * {@code java -cp target/verdict.jar org.verdict.bench.SyntheticBinaryPack [--rows N] [--seed S] FOLDER}.
 */
final class SyntheticBinaryPack {
    static final List<String> REGIONS = levels("region", 12);
    static final List<String> PRODUCTS = levels("product", 48);
    static final List<String> GENDERS = List.of("female", "male", "nonbinary");
    static final List<String> AGE_BANDS = List.of("18-29", "30-44", "45-64", "65+");

    final EvaluationTable table;

    private SyntheticBinaryPack(EvaluationTable table) {
        this.table = table;
    }

    public static void main(String[] args) throws IOException {
        int rows = 1_000_000;
        long seed = 7L;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> folder = Path.of(args[i]);
            }
        }
        if (folder == null) {
            System.err.println("usage: SyntheticBinaryPack [--rows N] [--seed S] FOLDER");
            System.exit(2);
        }
        generate(rows, seed).write(Files.createDirectories(folder));
    }

    static SyntheticBinaryPack generate(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ExampleIds.Builder ids = new ExampleIds.Builder(rows);
        int[] labels = new int[rows];
        int[] region = new int[rows];
        int[] product = new int[rows];
        int[] gender = new int[rows];
        int[] age = new int[rows];
        double[] prodScores = new double[rows];
        double[] candScores = new double[rows];
        for (int row = 0; row < rows; row++) {
            ids.add("ex-" + row);
            // skewed slice sizes: low codes are more frequent, as in real traffic
            region[row] = skewed(random, REGIONS.size());
            product[row] = skewed(random, PRODUCTS.size());
            gender[row] = random.nextInt(GENDERS.size());
            age[row] = random.nextInt(AGE_BANDS.size());
            double base = -1.0 + 0.05 * region[row];
            boolean positive = random.nextDouble() < 1 / (1 + Math.exp(-base));
            labels[row] = positive ? 1 : 0;
            double signal = positive ? 1.2 : -1.2;
            double shared = random.nextGaussian();
            double candidateShift = product[row] % 7 == 3 ? -0.5 : 0.15;
            prodScores[row] = round(logistic(signal + 1.1 * shared + 0.6 * random.nextGaussian() - 0.4));
            candScores[row] = round(logistic(signal * (1 + candidateShift) + 1.1 * shared
                    + 0.55 * random.nextGaussian() - 0.4));
        }
        Map<String, CategoricalColumn> columns = new LinkedHashMap<>();
        columns.put("region", new CategoricalColumn("region", REGIONS, region));
        columns.put("product", new CategoricalColumn("product", PRODUCTS, product));
        columns.put("gender", new CategoricalColumn("gender", GENDERS, gender));
        columns.put("age_band", new CategoricalColumn("age_band", AGE_BANDS, age));
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("1", new ModelPredictions("1", threshold(prodScores), null, prodScores));
        predictions.put("2", new ModelPredictions("2", threshold(candScores), null, candScores));
        return new SyntheticBinaryPack(new EvaluationTable("primary.csv", Task.BINARY, rows, ids.build(),
                List.of("no", "yes"), labels, null, columns, List.of("gender", "age_band"), predictions));
    }

    /** Writes the pack (manifest.json and primary.csv) into {@code folder}. */
    void write(Path folder) throws IOException {
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "synthetic-benchmark", "task": "binary", "riskTier": 1, "positiveLabel": "yes"},
                  "models": [
                    {"version": "1", "role": "production", "dataSnapshot": "synthetic", "codeVersion": "bench",
                     "trainedAt": "2026-10-01T00:00:00Z", "hyperparameters": {}},
                    {"version": "2", "role": "candidate", "dataSnapshot": "synthetic", "codeVersion": "bench",
                     "trainedAt": "2026-11-01T00:00:00Z", "hyperparameters": {}, "threshold": 0.5}
                  ],
                  "primaryMetric": "roc_auc",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["region", "product"],
                                         "sensitive": ["gender", "age_band"]}}
                }
                """);
        double[] prod = table.predictionsOf("1").scores();
        double[] cand = table.predictionsOf("2").scores();
        try (CsvWriter csv = CsvWriter.builder().build(folder.resolve("primary.csv"))) {
            csv.writeRecord("example_id", "label", "region", "product", "gender", "age_band",
                    "pred_1", "score_1", "pred_2", "score_2");
            List<CategoricalColumn> columns = new ArrayList<>(table.sliceColumns().values());
            for (int row = 0; row < table.rowCount(); row++) {
                csv.writeRecord(table.exampleIds().get(row), table.classes().get(table.labelCodes()[row]),
                        columns.get(0).valueAt(row), columns.get(1).valueAt(row), columns.get(2).valueAt(row),
                        columns.get(3).valueAt(row),
                        table.classes().get(table.predictionsOf("1").classCodes()[row]), format(prod[row]),
                        table.classes().get(table.predictionsOf("2").classCodes()[row]), format(cand[row]));
            }
        }
    }

    private static List<String> levels(String prefix, int count) {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            levels.add(String.format(Locale.ROOT, "%s-%02d", prefix, i));
        }
        return levels;
    }

    private static int skewed(SplittableRandom random, int levels) {
        double u = random.nextDouble();
        return Math.min(levels - 1, (int) (levels * u * u));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Four decimals, as pipelines usually write probabilities; the CSV then holds exactly these values. */
    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    /** {@code %.4f} of a score in [0, 1] already rounded to four decimals, without a Formatter per cell. */
    static String format(double score) {
        long tenThousandths = Math.round(score * 10_000);
        String digits = Long.toString(10_000 + tenThousandths % 10_000);
        return (tenThousandths / 10_000) + "." + digits.substring(1);
    }

    private static int[] threshold(double[] scores) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        return predicted;
    }
}
