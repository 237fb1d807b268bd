package org.verdict.core.pack;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.verdict.core.task.Progress;

/**
 * Opens a review pack (a folder or a .zip): checks the manifest, reads the primary evaluation table (or a summary
 * pack's sufficient statistics) and hashes every file. Either the whole pack loads or a {@link PackException} says
 * what is wrong.
 */
public final class PackLoader {
    private final ManifestReader manifestReader;
    /** Read at each load: the app raises them for its session when a person opens a pack with a higher limit. */
    private final Supplier<PackLimits> limits;
    private final RowsListener listener;
    private final SufficientStatistics.Reader summaryReader;

    /** A loader of row-level packs only (it refuses a summary pack, saying so). */
    public PackLoader() {
        this(PackLimits.DEFAULTS);
    }

    /** A loader of row-level packs only (it refuses a summary pack, saying so). */
    public PackLoader(PackLimits limits) {
        this(limits, null);
    }

    /**
     * @param summaryReader reads a summary pack's primary suite (the summary layer's reader, passed in because the
     *                      pack layer comes before it); null to refuse summary packs
     */
    public PackLoader(PackLimits limits, SufficientStatistics.Reader summaryReader) {
        this(limits, summaryReader, RowsListener.NONE);
    }

    /**
     * @param listener told of each evaluation table's ids as they are read, and of the table as soon as its rows are
     *                 read, before the check for repeated ids
     *                 ({@link EvaluationTableReader#EvaluationTableReader(PackLimits, RowsListener)}): e.g. to hash the
     *                 ids for the comparison on the second core while the rest of the file is parsed
     */
    public PackLoader(PackLimits limits, SufficientStatistics.Reader summaryReader, RowsListener listener) {
        this(() -> limits, summaryReader, listener);
    }

    /**
     * @param limits the limits each load reads within, asked at each load (the app's, which a person may raise for
     *               the session)
     */
    public PackLoader(Supplier<PackLimits> limits, SufficientStatistics.Reader summaryReader, RowsListener listener) {
        this.manifestReader = new ManifestReader();
        this.limits = limits;
        this.listener = listener;
        this.summaryReader = summaryReader;
    }

    /** A loader of the same kinds of pack within {@code other} limits (to count what a pack beyond them holds). */
    public PackLoader within(PackLimits other) {
        return new PackLoader(() -> other, summaryReader, listener);
    }

    public ReviewPack load(Path source, Progress progress) throws PackException {
        return load(source, progress, true);
    }

    /**
     * As {@link #load(Path, Progress)} for a command that shows no file hashes (compare, gate): every file walked and
     * refused as there, none read to be hashed ({@link ReviewPack#fileHashes()} is empty). Hashing a million-row
     * pack's 68 MB took 0.1 s of the second core while the first parsed, and the compilers want that core then.
     */
    public ReviewPack loadForComparison(Path source, Progress progress) throws PackException {
        return load(source, progress, false);
    }

    private ReviewPack load(Path source, Progress progress, boolean hashed) throws PackException {
        progress.update(0, "Opening " + source.getFileName());
        PackFiles files = PackFiles.open(source);
        try {
            return load(source, files, progress, hashed);
        } catch (PackException | RuntimeException e) {
            files.release();
            throw e;
        }
    }

    private ReviewPack load(Path source, PackFiles files, Progress progress, boolean hashed) throws PackException {
        PackManifest manifest = manifestReader.read(files);
        boolean summaryPack = manifest.raw().has("summary");
        if (summaryPack && summaryReader == null) {
            throw new PackException(PackManifest.FILE_NAME, "this is a summary pack (per-slice statistics, no "
                    + "rows), which this reader does not open");
        }
        PackHashing hashing = PackHashing.start(files, hashed);
        try {
            SufficientStatistics summary = summaryPack ? summaryReader.read(files, manifest, progress) : null;
            EvaluationTable primary = summaryPack ? null
                    : loadEvaluationTable(files, manifest, manifest.primarySuite(), progress);
            progress.update(0.99, hashed ? "Hashing files" : "Checking files");
            Map<String, String> fileHashes = hashing.await();
            progress.update(1, "Loaded " + manifest.model().name());
            return summaryPack ? new ReviewPack(source, files.root(), manifest, null, fileHashes, summary)
                    : new ReviewPack(source, files.root(), manifest, primary, fileHashes);
        } catch (PackException | RuntimeException e) {
            hashing.settle();
            throw e;
        }
    }

    /** Reads another suite in the primary format (e.g. a holdout set) of a pack that is already open. */
    public EvaluationTable loadEvaluationTable(Path root, PackManifest manifest, SuiteSpec suite, Progress progress)
            throws PackException {
        return loadEvaluationTable(PackFiles.open(root), manifest, suite, progress);
    }

    private EvaluationTable loadEvaluationTable(PackFiles files, PackManifest manifest, SuiteSpec suite,
                                                Progress progress) throws PackException {
        Path csv = files.resolve(suite.file(), PackManifest.FILE_NAME, 0, 0);
        return new EvaluationTableReader(limits.get(), listener).read(csv, suite.file(), manifest, suite, progress);
    }
}
