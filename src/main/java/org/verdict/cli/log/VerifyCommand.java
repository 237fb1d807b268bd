package org.verdict.cli.log;

import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every signature, the hash chain, the Merkle tree, every checkpoint and the signed signer"
                + " register; with --trusted-signers and --checkpoint also against references kept outside the store.",
                "Exit 0 intact; 1 TAMPERED (a record, signature, entry or checkpoint was altered or removed; the"
                        + " first bad record or entry is named) or POLICY NOT MET (nothing shows a change, but a"
                        + " signature or registration breaks --trusted-signers or --require-endorsement); 2 bad"
                        + " input."})
public final class VerifyCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Mixin
    SigningPolicyOptions policy;

    @Mixin
    KeptCheckpointOption checkpoint;

    @Override
    protected int run() throws LedgerException {
        VerificationOptions options = policy.with(checkpoint.read());
        LogSnapshot snapshot = checkpoint.snapshot(store.db, options.outsideCheckpoint(), out());
        if (snapshot == null) {
            return ExitCodes.CHECK_FAILED;
        }
        VerificationReport report = new LogVerifier().verify(snapshot, options, Progress.NONE);
        out().println(report.summary() + (report.isIntact() && checkpoint.file == null
                ? " (give one with --checkpoint FILE; see docs/decision-log.md)" : ""));
        report.problems().forEach(problem -> out().println("  " + problem));
        report.notes().forEach(note -> out().println("  note: " + note));
        // what the log was checked against, after the problems so it never reads as one of them, and in words that
        // do not read as a pass when one of those problems came from it
        if (policy.trustedSigners != null) {
            out().println("Checked against the trusted signers in " + policy.trustedSigners);
        }
        String checkedAgainst = checkpoint.outcome(report, true);
        if (checkedAgainst != null) {
            out().println(checkedAgainst);
        }
        // a verified signature says who decided, not that every gate passed: promotes over blocked gates are named
        for (LoggedRecord record : snapshot.records()) {
            record.statement().map(DecisionStatement::record).map(DecisionRecord::overrideText)
                    .filter(text -> !text.isEmpty())
                    .ifPresent(text -> out().println("  #" + record.sequence() + " (" + record.shortId() + ") "
                            + text));
        }
        return report.isIntact() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
