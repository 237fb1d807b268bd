package org.verdict.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/**
 * Times the comparison of a synthetic paired binary pack (docs/benchmarks.md):
 * {@code java -Xmx600m -cp target/verdict.jar org.verdict.bench.ComparisonBenchmark [--rows N] [--keep DIR]}.
 */
public final class ComparisonBenchmark {
    private ComparisonBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 1_000_000;
        Path keep = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ComparisonBenchmark [--rows N] [--keep DIR]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, max heap %d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        long start = System.nanoTime();
        SyntheticBinaryPack pack = SyntheticBinaryPack.generate(rows, 7L);
        System.out.printf(Locale.ROOT, "generate %,d rows: %.2f s%n", rows, seconds(start));

        Path folder = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("verdict-bench");
        start = System.nanoTime();
        pack.write(folder);
        System.out.printf(Locale.ROOT, "write CSV (%d MB) to %s: %.2f s%n",
                Files.size(folder.resolve("primary.csv")) >> 20, folder, seconds(start));

        pack = null; // from here on only the loaded pack is in memory
        System.gc();
        resetPeaks();
        start = System.nanoTime();
        long loadCpuStart = processCpuNanos();
        ReviewPack loaded;
        try {
            loaded = new PackLoader().load(folder, Progress.NONE);
        } catch (PackException e) {
            throw new IllegalStateException("the generated pack does not load: " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "load pack (PackLoader, %,d rows): %.2f s wall, %.2f s CPU, peak heap %d MB%n",
                loaded.primary().rowCount(), seconds(start), (processCpuNanos() - loadCpuStart) / 1e9,
                peakHeapMegabytes());

        ComparisonEngine engine = new ComparisonEngine();
        ComparisonOptions options = ComparisonOptions.DEFAULTS;
        System.gc();
        resetPeaks();
        start = System.nanoTime();
        long cpuStart = processCpuNanos();
        ComparisonReport report = engine.compare(loaded, null, options, Progress.NONE);
        double cold = seconds(start);
        double coldCpu = (processCpuNanos() - cpuStart) / 1e9;
        long coldPeak = peakHeapMegabytes();
        start = System.nanoTime();
        cpuStart = processCpuNanos();
        engine.compare(loaded, null, options, Progress.NONE);
        double warm = seconds(start);
        double warmCpu = (processCpuNanos() - cpuStart) / 1e9;
        long slices = report.results().stream().map(SliceResult::slice).distinct().count();
        System.out.printf(Locale.ROOT, "compare: %d slices x %d metrics = %d results%n", slices,
                report.results().size() / slices, report.results().size());
        System.out.printf(Locale.ROOT, "  first run  %.2f s wall, %.2f s CPU (incl. JIT and GC threads)%n", cold, coldCpu);
        System.out.printf(Locale.ROOT, "  second run %.2f s wall, %.2f s CPU%n", warm, warmCpu);
        System.out.printf(Locale.ROOT, "  machine load average at the end: %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "peak heap during the first comparison (incl. the loaded table): %d MB%n",
                coldPeak);
        for (Verdict verdict : Verdict.values()) {
            long count = report.results().stream().filter(r -> r.verdict() == verdict).count();
            System.out.printf(Locale.ROOT, "  %-26s %d%n", verdict.label(), count);
        }
        if (keep == null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since the last reset. */
    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }
}
