package org.verdict.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.FileErrorText;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.cli.log.KeyOptions;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.UnreadableLogException;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.report.DecisionLogEvidence;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** Writes the approval pack of a review pack: one HTML and one PDF document the board can read offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write approval-pack.html and approval-pack.pdf for a review pack.",
            "The gates are judged under the pack's policy.json (or the documented defaults), as gate judges them. "
                    + GateCommand.TOLERANCES,
            "A --out folder that already holds an approval pack is bad input unless --replace is given: nothing is"
                    + " written.",
            "Exit codes: 0 written, 1 the --db decision log is TAMPERED, DAMAGED or SUSPECT (its append-only guard"
                    + " dropped or changed) as `log verify` says: nothing is written, as `log checkpoint` gives out no"
                    + " checkpoint of it; a log that only breaks the signing policy (POLICY NOT MET) is reported,"
                    + " stamped so on the pack's summary, " + ExitCodes.REFUSALS})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = "pack folder or .zip")
    Path pack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the two files into")
    Path out;

    @Option(names = "--db", paramLabel = "DB", description = "decision log whose records for this pack to include;"
            + " without it the pack shows no decision (the app signs into decisions.db in ~/.verdict/ unless another"
            + " log was chosen)")
    Path decisionLog;

    @Option(names = "--candidate", paramLabel = "V", description = "candidate version (default: the pack's first)")
    String candidate;

    @Option(names = "--trusted-signers", paramLabel = "FILE", description = "the organisation's list of who may"
            + " sign (as for `log verify`): the pack says of each signature whether the list accepts its key and role,"
            + " and one it does not counts towards no quorum; without it the pack says the signers were not checked")
    Path trustedSigners;

    @Option(names = "--replace", description = "replace an approval pack already in the --out folder")
    boolean replace;

    @Option(names = "--key", paramLabel = "KEYFILE", description = "sign SHA256SUMS, the SHA-256 of every file"
            + " written, with this key (NAME.key.json from `key new`), so that an edit of the HTML or PDF is caught"
            + " with openssl and sha256sum (see VERIFY.md)")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "file whose first line is the key's passphrase; asked on the console when absent")
    Path passphraseFile;

    @CommandLine.Mixin
    PackLimitOptions limitOptions = new PackLimitOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                // refused before the gates are judged and the PDF laid out, which take most of the time
                throw new FileAlreadyExistsException(out.toString());
            }
            List<Path> earlier = ApprovalPackWriter.filesReplacedIn(out);
            if (!replace && !earlier.isEmpty()) {
                // it may already have gone to the board or an auditor (perhaps another model's): never replaced unasked
                return ErrorLine.print(spec.commandLine().getErr(), out + " already holds an approval pack ("
                        + String.join(", ", earlier.stream().map(file -> file.getFileName().toString()).toList())
                        + "); give --replace to replace it, or another folder", ExitCodes.BAD_INPUT);
            }
            if (passphraseFile != null && keyFile == null) {
                throw new IllegalArgumentException("--passphrase-file needs --key: it unlocks the key that signs");
            }
            // unlocked before the gates are judged: a wrong passphrase is told at once, with nothing written
            SignerKey signer = keyFile == null ? null : KeyOptions.unlock(keyFile, passphraseFile);
            if (trustedSigners != null && decisionLog == null) {
                throw new IllegalArgumentException("--trusted-signers needs --db: it checks the decision log's signers");
            }
            TrustedSigners roster = trustedSigners == null ? null : TrustedSigners.read(trustedSigners);
            PackLoader loader = SummaryPacks.loader(limitOptions.limits());
            GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(limitOptions.limits()),
                    new PolicyReader());
            List<Path> written = new ApprovalPackExport(loader, gates, new ApprovalPackWriter(signer))
                    .export(pack, candidate, decisionLog, roster, out, Progress.NONE);
            written.forEach(spec.commandLine().getOut()::println);
            if (decisionLog == null) {
                // on standard error: standard output lists the files written, which scripts read
                spec.commandLine().getErr().println("note: no decision log was given, so the approval pack shows no"
                        + " recorded decision. " + DecisionLogEvidence.howToInclude(pack.toString(), out.toString()));
            }
            return ExitCodes.OK;
        } catch (PackException e) {
            return ErrorLine.print(spec.commandLine().getErr(), PackErrorText.of(pack, e), ExitCodes.BAD_INPUT);
        } catch (LogNotIntactException e) {
            // the same answer as `log checkpoint` on that log: it failed a check, it was not bad input
            return ErrorLine.print(spec.commandLine().getErr(), e.getMessage(), ExitCodes.CHECK_FAILED);
        } catch (UnreadableLogException e) {
            // a damaged SQLite file is DAMAGED for `log verify` (exit 1); a file of another kind is bad input
            String message = e.getMessage();
            int firstLineEnd = message.indexOf('\n') < 0 ? message.length() : message.indexOf('\n');
            return ErrorLine.print(spec.commandLine().getErr(), e.isDamaged() ? message.substring(0, firstLineEnd)
                    + "; " + DecisionLogEvidence.REFUSED + message.substring(firstLineEnd) : message,
                    e.isDamaged() ? ExitCodes.CHECK_FAILED : ExitCodes.BAD_INPUT);
        } catch (LedgerException | IllegalArgumentException e) {
            return ErrorLine.print(spec.commandLine().getErr(), e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (IOException e) {
            return ErrorLine.print(spec.commandLine().getErr(), "cannot write the approval pack: "
                    + FileErrorText.of(out, e), ExitCodes.BAD_INPUT);
        }
    }
}
