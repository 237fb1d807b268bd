package org.verdict.ui.summarize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.RowManifest;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.SampledProgress;

/**
 * File → Summarise rows…: a Parquet or CSV file (or a folder of them) of per-example rows, the manifest.json that
 * describes them, and a new folder for the summary pack. The summary runs in the background with its progress and
 * Cancel in the status bar (Cancel interrupts DuckDB's query), writes nothing unless it completes, and then opens
 * the pack. The manifest is looked for beside the rows, and the pack goes to a new folder under the Verdict home
 * unless the user picks another. What the chosen paths are on disk is looked up in the background on every edit: a
 * path typed on a network share that is asleep would otherwise freeze the window keystroke by keystroke.
 */
public final class SummarizeRowsViewModel {
    /** Writes a summary pack of the rows at {@code input}, described by {@code manifest}, into {@code out}. */
    @FunctionalInterface
    public interface Summarizer {
        void summarize(Path input, Path manifest, Path out, Progress progress) throws Exception;

        /**
         * DuckDB in-process with the defaults of {@code verdict summarize --engine duckdb}, summarising the held-out
         * set and the human baseline and carrying the policy and the other optional suites found beside the
         * manifest, so the pack's gates judge what the rows' pack would.
         */
        static Summarizer duckDb(String memoryLimit, int threads) {
            return (input, manifest, out, progress) -> {
                PackManifest rows = RowManifest.read(manifest);
                Path folder = manifest.toAbsolutePath().getParent();
                new DuckDbSummarizer(memoryLimit, threads)
                        .carrying(folder, PackEvidenceCheck.ofStagedSummaryPack()).summarizingSuitesIn(folder, rows)
                        .summarize(input.toString(), null, rows, true, true, ComparisonOptions.DEFAULTS.seed(), out,
                                progress);
            };
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Summarizer summarizer;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final Path summariesFolder;
    private final Clock clock;
    private final Consumer<Path> openPack;
    private final ResourceBundle text;
    private final ObjectProperty<Path> input = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> manifest = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    /** Counts the look-ups started: only the latest one's answer is shown. */
    private long looks;
    /** The rows changed since suggestions were last made: the next answered look-up makes them. */
    private boolean suggestionsDue;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    /** What this model last suggested, so a suggestion follows the rows until the user types something else. */
    private Path suggestedManifest;
    private Path suggestedOutput;

    /**
     * @param summariesFolder where summary packs go unless the user picks a folder (under the Verdict home)
     * @param openPack opens the written pack the way File → Open does
     */
    public SummarizeRowsViewModel(Summarizer summarizer, BackgroundExecutor executor, ActivityMonitor activity,
                                  Path summariesFolder, Clock clock, Consumer<Path> openPack, ResourceBundle text) {
        this.summarizer = summarizer;
        this.executor = executor;
        this.activity = activity;
        this.summariesFolder = summariesFolder;
        this.clock = clock;
        this.openPack = openPack;
        this.text = text;
        input.addListener(obs -> look(true));
        manifest.addListener(obs -> look(false));
        output.addListener(obs -> look(false));
        look(false);
    }

    public ObjectProperty<Path> inputProperty() {
        return input;
    }

    public ObjectProperty<Path> manifestProperty() {
        return manifest;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    /** Why the summary cannot start as things are, or empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the chosen paths are being looked up on disk: {@link #problemProperty()} may be out of date. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** What became of the last summary: written and opened, cancelled, or failed. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /**
     * Why the last summary failed (a broken row names its file, line and column), or null while none has failed since
     * the last start: the dialog shows it in a problem dialog, beside {@link #outcomeProperty()}'s one line.
     */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What the chosen paths are on disk, looked up off the FX thread. */
    private record OnDisk(boolean rowsExist, boolean rowsAreFolder, Path manifestBesideRows, boolean manifestIsFile,
                          boolean outputExists) {
        static OnDisk lookUp(Path rows, Path description, Path out) {
            boolean folder = rows != null && Files.isDirectory(rows);
            Path parent = rows == null ? null : folder ? rows : rows.toAbsolutePath().getParent();
            Path beside = parent == null ? null : parent.resolve(PackManifest.FILE_NAME);
            return new OnDisk(rows != null && Files.exists(rows), folder,
                    beside != null && Files.isRegularFile(beside) ? beside : null,
                    description != null && Files.isRegularFile(description), out != null && Files.exists(out));
        }
    }

    /**
     * Looks the current paths up in the background, then says what stops the summary; after the rows changed
     * ({@code rowsChanged}) it first suggests the manifest beside them and a new folder, unless the user chose others.
     */
    private void look(boolean rowsChanged) {
        Path rows = input.get();
        Path description = manifest.get();
        Path out = output.get();
        long asked = ++looks;
        suggestionsDue |= rowsChanged;
        checking.set(true);
        executor.run(progress -> OnDisk.lookUp(rows, description, out))
                .onSuccess(onDisk -> {
                    if (asked != looks) {
                        return; // the paths changed meanwhile: a newer look-up answers
                    }
                    if (suggestionsDue) {
                        suggestionsDue = false;
                        suggestFor(rows, onDisk);
                    }
                    if (asked == looks) { // a suggestion changes a path, and that path's look-up answers
                        problem.set(problem(rows, description, out, onDisk));
                        checking.set(false);
                    }
                })
                .onError(lookUpFailure -> {
                    if (asked == looks) {
                        problem.set(lookUpFailure.getMessage());
                        checking.set(false);
                    }
                })
                .start();
    }

    private void suggestFor(Path rows, OnDisk onDisk) {
        if (rows == null) {
            return;
        }
        if ((manifest.get() == null || manifest.get().equals(suggestedManifest)) && onDisk.manifestBesideRows() != null) {
            suggestedManifest = onDisk.manifestBesideRows();
            manifest.set(suggestedManifest);
        }
        if (output.get() == null || output.get().equals(suggestedOutput)) {
            suggestedOutput = summariesFolder.resolve(stem(rows, onDisk.rowsAreFolder()) + "-summary-"
                    + LocalDateTime.now(clock).format(STAMP));
            output.set(suggestedOutput);
        }
    }

    private static String stem(Path rows, boolean folder) {
        String name = rows.getFileName() == null ? "rows" : rows.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && !folder ? name.substring(0, dot) : name;
    }

    private String problem(Path rows, Path description, Path out, OnDisk onDisk) {
        if (rows == null) {
            return text.getString("summarize.needRows");
        }
        if (!onDisk.rowsExist()) {
            return MessageFormat.format(text.getString("summarize.missing"), rows);
        }
        String name = rows.getFileName() == null ? "" : rows.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!onDisk.rowsAreFolder() && !name.endsWith(".parquet") && !name.endsWith(".csv")) {
            return MessageFormat.format(text.getString("summarize.notRows"), rows.getFileName());
        }
        if (description == null) {
            return text.getString("summarize.needManifest");
        }
        if (!onDisk.manifestIsFile()) {
            return MessageFormat.format(text.getString("summarize.missing"), description);
        }
        if (out == null) {
            return text.getString("summarize.needOutput");
        }
        if (onDisk.outputExists()) {
            return MessageFormat.format(text.getString("summarize.outputExists"), out);
        }
        return "";
    }

    /**
     * Starts the summary, unless {@link #problemProperty()} says why not or the paths are still being looked up (then
     * null). On success the pack is opened; a failure is {@link #failureProperty()} and leaves nothing behind.
     *
     * @return the progress the status bar shows and its Cancel cancels
     */
    public SampledProgress start() {
        if (checking.get() || !problem.get().isEmpty() || running.get()) {
            return null;
        }
        Path rows = input.get();
        Path description = manifest.get();
        Path out = output.get();
        running.set(true);
        outcome.set("");
        failure.set(null);
        return executor.run(progress -> {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                    summarizer.summarize(rows, description, out, progress);
                    return out;
                })
                .showProgressIn(activity, MessageFormat.format(text.getString("summarize.activity"),
                        rows.getFileName()))
                .onSuccess(written -> {
                    outcome.set(MessageFormat.format(text.getString("summarize.written"), written));
                    openPack.accept(written);
                })
                .onCancelled(() -> outcome.set(text.getString("summarize.cancelled")))
                .onError(failed -> {
                    outcome.set(MessageFormat.format(text.getString("summarize.failed"), failed.getMessage()));
                    failure.set(failed);
                })
                .andFinally(() -> {
                    running.set(false);
                    // a suggested folder that is now written gives way to a new suggestion for the next summary
                    look(true);
                })
                .start();
    }
}
