package org.verdict.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.cli.terminal.TerminalTable;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.HumanBaselineSuite;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.PrimarySummary;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * Checks that a pack can be read, for pipelines that write packs: everything {@code gate} reads (the primary suite,
 * every optional suite, the holdout set and the policy), so a pack that validates is never refused later.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that a review pack (folder or .zip) is well-formed: the manifest, every suite it lists "
                + "and its policy; print what it holds.",
            "Exit codes: 0 well-formed, " + ExitCodes.REFUSALS})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = "pack folder or .zip")
    Path pack;

    @Mixin
    PackLimitOptions limitOptions = new PackLimitOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PackLimits limits = limitOptions.limits();
        PackLoader loader = SummaryPacks.loader(limits);
        try (ReviewPack loaded = loader.load(pack, Progress.NONE)) {
            PackEvidenceCheck evidence = PackEvidenceCheck.of(loaded, loader, new SuiteReader(limits),
                    new PolicyReader());
            PrintWriter out = spec.commandLine().getOut();
            if (loaded.isSummary()) {
                printSummary(loaded, SummaryPacks.primaryOf(loaded).orElseThrow(), evidence);
                return ExitCodes.OK;
            }
            out.printf("%s: %s, %s task, %s, %s, %s%n", pack,
                    loaded.manifest().model().name(), loaded.manifest().task().wireName(),
                    MetricFormat.count(loaded.primary().rowCount(), "example", "examples"),
                    MetricFormat.count(loaded.manifest().models().size(), "model version", "model versions"),
                    MetricFormat.count(loaded.fileHashes().size(), "file", "files"));
            for (ModelVersion model : loaded.manifest().models()) {
                out.printf("  %s %s%s%n", TerminalTable.padRight(model.role().wireName(), 10),
                        TerminalTable.padRight(model.version(), 8), lineage(model));
            }
            out.printf("  suites: %s%n", String.join(", ", loaded.manifest().suites().keySet()));
            out.printf("  slices: %s%n", String.join(", ", loaded.primary().sliceColumns().keySet()));
            evidence.holdout().ifPresent(holdout -> out.printf("  holdout: %s%n",
                    MetricFormat.count(holdout.rowCount(), "example", "examples")));
            out.printf("  policy: %s%n", evidence.policySource().describe());
            out.printf("pack sha256 %s%n", loaded.packHash());
            out.flush();
            return ExitCodes.OK;
        } catch (PackException e) {
            return ErrorLine.print(spec.commandLine().getErr(), PackErrorText.of(pack, e), ExitCodes.BAD_INPUT);
        }
    }

    /** What the manifest says of a version's training; parts it leaves out are left out here too. */
    private static String lineage(ModelVersion model) {
        List<String> parts = new ArrayList<>();
        if (model.dataSnapshot() != null) {
            parts.add("data " + model.dataSnapshot());
        }
        if (model.codeVersion() != null) {
            parts.add("code " + model.codeVersion());
        }
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    private void printSummary(ReviewPack loaded, PrimarySummary summary, PackEvidenceCheck evidence) {
        PrintWriter out = spec.commandLine().getOut();
        var made = summary.provenance();
        out.printf("%s: summary pack of %s, %s task, %s in %s of %s%n", pack,
                loaded.manifest().model().name(), loaded.manifest().task().wireName(),
                MetricFormat.count(summary.rowCount(), "row", "rows"),
                MetricFormat.count(summary.combinations().size(), "combination", "combinations"),
                String.join(", ", summary.layout().sliceColumns()));
        out.printf("  made by %s %s from %s%s, SQL sha256 %s%n", made.engine(), made.engineVersion(), made.source(),
                made.snapshot() == null ? "" : " (snapshot " + made.snapshot() + ")", made.sqlSha256());
        if (made.blocks() > 0) {
            out.printf("  %s, seed %d%n", MetricFormat.count(made.blocks(), "hashed bootstrap block",
                    "hashed bootstrap blocks"), made.seed());
        }
        out.printf("  suites: %s%n", String.join(", ", loaded.manifest().suites().keySet()));
        evidence.holdout().ifPresent(holdout -> out.printf("  holdout: %s%n", holdout.summary()
                .map(set -> MetricFormat.count(holdout.rowCount(), "row", "rows") + " summarised in "
                        + MetricFormat.count(set.combinations().size(), "combination", "combinations") + " of "
                        + String.join(", ", set.layout().sliceColumns()))
                .orElse(MetricFormat.count(holdout.rowCount(), "example", "examples"))));
        evidence.suites().humanBaseline().filter(HumanBaselineSuite::isCells).ifPresent(baseline -> out.printf(
                "  human baseline: %s in paired cells%n", MetricFormat.count(baseline.examples(), "example", "examples")));
        out.printf("  policy: %s%n", evidence.policySource().describe());
        out.printf("pack sha256 %s%n", loaded.packHash());
        out.flush();
    }
}
