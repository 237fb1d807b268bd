package org.verdict.core.pack;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.verdict.core.task.Progress;

/**
 * Opens a review pack (a folder or a .zip): checks the manifest, reads the primary evaluation table (or a summary
 * pack's sufficient statistics) and hashes every file. Either the whole pack loads or a {@link PackException} says
 * what is wrong.
 */
public final class PackLoader {
    private final ManifestReader manifestReader;
    private final EvaluationTableReader tableReader;
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
        this.manifestReader = new ManifestReader();
        this.tableReader = new EvaluationTableReader(limits);
        this.summaryReader = summaryReader;
    }

    public ReviewPack load(Path source, Progress progress) throws PackException {
        progress.update(0, "Opening " + source.getFileName());
        PackFiles files = PackFiles.open(source);
        try {
            return load(source, files, progress);
        } catch (PackException | RuntimeException e) {
            files.release();
            throw e;
        }
    }

    private ReviewPack load(Path source, PackFiles files, Progress progress) throws PackException {
        PackManifest manifest = manifestReader.read(files);
        if (manifest.raw().has("summary")) {
            if (summaryReader == null) {
                throw new PackException(PackManifest.FILE_NAME, "this is a summary pack (per-slice statistics, no "
                        + "rows), which this reader does not open");
            }
            SufficientStatistics summary = summaryReader.read(files, manifest, progress);
            progress.update(0.99, "Hashing files");
            Map<String, String> fileHashes = files.hashAllFiles();
            progress.update(1, "Loaded " + manifest.model().name());
            return new ReviewPack(source, files.root(), manifest, null, fileHashes, summary);
        }
        // Hashing is independent of parsing: it runs on the second core while this thread reads the primary CSV.
        CompletableFuture<Map<String, String>> hashes = CompletableFuture.supplyAsync(() -> {
            try {
                return files.hashAllFiles();
            } catch (PackException e) {
                throw new CompletionException(e);
            }
        });
        EvaluationTable primary;
        try {
            primary = loadEvaluationTable(files, manifest, manifest.primarySuite(), progress);
        } catch (PackException | RuntimeException e) {
            hashes.cancel(false);
            throw e;
        }
        progress.update(0.99, "Hashing files");
        Map<String, String> fileHashes = awaitHashes(hashes);
        progress.update(1, "Loaded " + manifest.model().name());
        return new ReviewPack(source, files.root(), manifest, primary, fileHashes);
    }

    private static Map<String, String> awaitHashes(CompletableFuture<Map<String, String>> hashes) throws PackException {
        try {
            return hashes.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PackException packProblem) {
                throw packProblem;
            }
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
        return tableReader.read(csv, suite.file(), manifest, suite, progress);
    }
}
