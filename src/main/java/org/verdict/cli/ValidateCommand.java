package org.verdict.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.SummaryPack;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Checks that a pack can be read, for pipelines that write packs. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check that a review pack (folder or .zip) is well-formed; print what it holds.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = "pack folder or .zip")
    Path pack;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            if (SummaryPackReader.isSummaryPack(pack)) {
                printSummary(new SummaryPackReader().read(pack, Progress.NONE));
                return ExitCodes.OK;
            }
            ReviewPack loaded = new PackLoader().load(pack, Progress.NONE);
            var out = spec.commandLine().getOut();
            out.printf("%s: %s, %s task, %d examples, %d model versions, %d files%n", pack,
                    loaded.manifest().model().name(), loaded.manifest().task().wireName(), loaded.primary().rowCount(),
                    loaded.manifest().models().size(), loaded.fileHashes().size());
            for (var model : loaded.manifest().models()) {
                out.printf("  %-10s %-8s data %s, code %s%n", model.role().wireName(), model.version(),
                        model.dataSnapshot(), model.codeVersion());
            }
            out.printf("  suites: %s%n", String.join(", ", loaded.manifest().suites().keySet()));
            out.printf("  slices: %s%n", String.join(", ", loaded.primary().sliceColumns().keySet()));
            out.printf("pack sha256 %s%n", loaded.packHash());
            return ExitCodes.OK;
        } catch (PackException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private void printSummary(SummaryPack summary) {
        var out = spec.commandLine().getOut();
        var made = summary.provenance();
        out.printf("%s: summary pack of %s, %s task, %d rows in %d combinations of %s%n", pack,
                summary.manifest().model().name(), summary.manifest().task().wireName(), summary.primary().rowCount(),
                summary.primary().combinations().size(), String.join(", ", summary.primary().layout().sliceColumns()));
        out.printf("  made by %s %s from %s%s, SQL sha256 %s%n", made.engine(), made.engineVersion(), made.source(),
                made.snapshot() == null ? "" : " (snapshot " + made.snapshot() + ")", made.sqlSha256());
        if (made.blocks() > 0) {
            out.printf("  %d hashed bootstrap blocks, seed %d%n", made.blocks(), made.seed());
        }
        out.printf("pack sha256 %s%n", summary.packHash());
    }
}
