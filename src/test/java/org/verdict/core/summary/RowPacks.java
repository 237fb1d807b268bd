package org.verdict.core.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.verdict.core.pack.Task;

/**
 * Row-level packs shaped like real ones, for checking summary packs against the row engine: slices from a handful
 * of rows to thousands, a rare positive class, dollar-valued regression targets, a slice where the candidate is
 * worse and one where it is better.
 */
final class RowPacks {
    /** region → share of rows; "tiny" has a handful of rows, "lab" is under the minimum slice size. */
    static final String[] REGIONS = {"eu", "us", "apac", "latam", "lab", "tiny"};
    private static final double[] REGION_SHARE = {0.45, 0.3, 0.15, 0.0955, 0.004, 0.0005};
    private static final String[] CHANNELS = {"web", "app", "phone"};
    private static final String[] GENDERS = {"female", "male", "undisclosed"};
    private static final String[] CLASSES = {"account", "billing", "sales", "technical", "abuse"};

    private RowPacks() {
    }

    static String manifest(Task task) {
        String model = switch (task) {
            case BINARY -> "{\"name\": \"fraud\", \"task\": \"binary\", \"riskTier\": 2, \"positiveLabel\": \"fraud\"}";
            case MULTICLASS -> "{\"name\": \"router\", \"task\": \"multiclass\", \"riskTier\": 2}";
            case REGRESSION -> "{\"name\": \"refund\", \"task\": \"regression\", \"riskTier\": 2}";
        };
        String metric = switch (task) {
            case BINARY -> "roc_auc";
            case MULTICLASS -> "macro_f1";
            case REGRESSION -> "mae";
        };
        return """
                {
                  "format": "verdict-pack/1",
                  "model": %s,
                  "models": [
                    {"version": "7", "role": "production"},
                    {"version": "8", "role": "candidate", "threshold": 0.3}
                  ],
                  "primaryMetric": "%s",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["region", "channel"], "sensitive": ["gender"]}}
                }
                """.formatted(model, metric);
    }

    /** Writes manifest.json and primary.csv of {@code rows} examples into {@code folder}. */
    static Path write(Path folder, Task task, int rows, long seed) {
        write(folder, "manifest.json", manifest(task));
        write(folder, "primary.csv", evaluationRows(task, rows, seed, "ex-"));
        return folder;
    }

    /**
     * As {@link #write}, plus a held-out set of {@code holdoutRows} examples (suite holdout, sliced by region and
     * gender only) and, for classification, a human baseline of {@code humanRows} primary examples whose reviewers
     * are right 90 % of the time (their mistakes spread over the other classes).
     */
    static Path writeWithHoldoutAndHumanBaseline(Path folder, Task task, int rows, int holdoutRows, int humanRows,
                                                 long seed) {
        write(folder, task, rows, seed);
        write(folder, "holdout.csv", evaluationRows(task, holdoutRows, seed + 1, "hld-"));
        String suites = "\"holdout\": {\"file\": \"holdout.csv\", \"slices\": [\"region\"], \"sensitive\": [\"gender\"]}";
        if (task.isClassification()) {
            suites += ", \"humanBaseline\": {\"file\": \"human_baseline.csv\"}";
            write(folder, "human_baseline.csv", humanBaseline(task, rows, humanRows, seed));
        }
        write(folder, "manifest.json", manifest(task).replace("\"sensitive\": [\"gender\"]}}",
                "\"sensitive\": [\"gender\"]}, " + suites + "}"));
        return folder;
    }

    /** Human labels for the first {@code humanRows} primary examples, with both models' predicted labels. */
    private static String humanBaseline(Task task, int rows, int humanRows, long seed) {
        String[] primary = evaluationRows(task, rows, seed, "ex-").split("\n");
        SplittableRandom random = new SplittableRandom(seed + 2);
        String[] classes = task == Task.BINARY ? new String[] {"fraud", "ok"} : CLASSES;
        StringBuilder csv = new StringBuilder("example_id,label,human,pred_7,pred_8\n");
        for (int i = 1; i <= humanRows; i++) {
            String[] row = primary[i].split(",");
            String label = row[1];
            String human = random.nextDouble() < 0.9 ? label : other(classes, label, random);
            csv.append(row[0]).append(',').append(label).append(',').append(human).append(',')
                    .append(predicted(task, row[5], 0.5)).append(',').append(predicted(task, row[6], 0.3))
                    .append('\n');
        }
        return csv.toString();
    }

    /** A binary row's predicted label at the manifest's threshold (production 0.5, candidate 0.3); a class as is. */
    private static String predicted(Task task, String value, double threshold) {
        return task == Task.BINARY ? Double.parseDouble(value) >= threshold ? "fraud" : "ok" : value;
    }

    private static String other(String[] classes, String label, SplittableRandom random) {
        String other;
        do {
            other = classes[random.nextInt(classes.length)];
        } while (other.equals(label));
        return other;
    }

    private static String evaluationRows(Task task, int rows, long seed, String idPrefix) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("example_id,label,region,channel,gender,");
        csv.append(task == Task.BINARY ? "score_7,score_8" : "pred_7,pred_8").append('\n');
        for (int i = 0; i < rows; i++) {
            int region = pick(random, REGION_SHARE);
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String gender = GENDERS[random.nextInt(GENDERS.length)];
            csv.append(idPrefix).append(i).append(',');
            // the candidate is worse in apac and better in us
            double shift = region == 2 ? -0.6 : region == 1 ? 0.4 : 0.1;
            switch (task) {
                case BINARY -> {
                    boolean fraud = random.nextDouble() < 0.04;
                    double prod = logistic((fraud ? 1.6 : -1.6) + random.nextGaussian() * 1.3 - 1.5);
                    double cand = logistic((fraud ? 1.6 + shift : -1.6 - shift) + random.nextGaussian() * 1.3 - 1.5);
                    csv.append(fraud ? "fraud" : "ok").append(',').append(REGIONS[region]).append(',').append(channel)
                            .append(',').append(gender).append(',').append(number(prod)).append(',')
                            .append(number(cand));
                }
                case MULTICLASS -> {
                    int label = pick(random, new double[] {0.4, 0.3, 0.2, 0.095, 0.005});
                    String prod = random.nextDouble() < 0.75 ? CLASSES[label] : CLASSES[random.nextInt(4)];
                    String cand = random.nextDouble() < 0.75 + shift / 5 ? CLASSES[label] : CLASSES[random.nextInt(4)];
                    csv.append(CLASSES[label]).append(',').append(REGIONS[region]).append(',').append(channel)
                            .append(',').append(gender).append(',').append(prod).append(',').append(cand);
                }
                case REGRESSION -> {
                    // refunds in dollars, some exactly 0 (mape skips them)
                    double label = random.nextDouble() < 0.05 ? 0 : Math.round(Math.exp(4 + random.nextGaussian())
                            * 100) / 100.0;
                    double prod = label + random.nextGaussian() * 30;
                    double cand = label + random.nextGaussian() * 30 * (1 - shift / 2);
                    csv.append(number(label)).append(',').append(REGIONS[region]).append(',').append(channel)
                            .append(',').append(gender).append(',').append(number(prod)).append(',')
                            .append(number(cand));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static void write(Path folder, String file, String text) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pick(SplittableRandom random, double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
